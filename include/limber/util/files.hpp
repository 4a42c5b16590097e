#pragma once
// Files named on the command line: reading an input as a stream, and writing an output so that a
// reader never sees half of it (a temporary file beside it, renamed into place at the end).

#include <filesystem>
#include <fstream>
#include <iosfwd>
#include <string>
#include <string_view>

namespace limber {

/// An input named on the command line: the file `path`, or `in` when path is "-", read as a
/// stream. Standard input, a FIFO or a device is first read to its end into a temporary file
/// (removed at once), so that whoever reads stream() never waits on a slow writer. UsageError
/// naming `what` when the file cannot be opened (missing, a folder, no permission) and, from
/// check_read(), when reading it failed part-way.
class InputFile {
public:
    InputFile(const std::string& path, std::istream& in, std::string_view what);
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    std::istream& stream() { return *m_stream; }
    /// Throws the UsageError of a failed read (the stream went bad).
    void check_read() const;

private:
    void spool(std::istream& source);

    std::string m_path;
    std::string m_what;
    std::ifstream m_file;
    std::ifstream m_spool;  ///< the copy of standard input, a FIFO or a device
    std::istream* m_stream;
};

/// A new temporary file in `folder` ("<folder>/.<stem>.XXXXXX", mode 0600), closed; UsageError
/// naming `what` when it cannot be made.
std::filesystem::path make_temporary(const std::filesystem::path& folder, const std::string& stem, std::string_view what);

/// An output file written in full or not at all: write to stream(), then commit() flushes it to
/// disk and renames it over `path` (over the file a symbolic link points to, keeping the link).
/// A new file is mode 0600; a replaced one keeps its mode.
/// Without commit() the temporary file is removed. A device or pipe (/dev/stdout, a FIFO) is
/// written to directly.
class AtomicFile {
public:
    /// `what` names the option in messages ("-o").
    AtomicFile(std::filesystem::path path, std::string_view what);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    std::ostream& stream() { return m_stream; }
    /// StorageError naming the file when it could not be written.
    void commit();

private:
    std::filesystem::path m_path;
    std::filesystem::path m_temporary;
    std::ofstream m_stream;
    bool m_committed = false;
    bool m_direct = false;  ///< a device or pipe, written in place
};

}  // namespace limber
