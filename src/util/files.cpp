#include <limber/util/files.hpp>

#include <limber/util/error.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <istream>
#include <iterator>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

namespace limber {

namespace {

std::string reason(int error) { return std::strerror(error); }

/// Flushes a file's content (or a folder's entries) to disk.
bool sync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

InputFile::InputFile(const std::string& path, std::istream& in, std::string_view what)
    : m_path(path), m_what(what), m_stream(&in) {
    if (path == "-") {
        spool(in);
        return;
    }
    std::error_code error;
    if (fs::is_directory(path, error))
        throw UsageError(fmt::format("{} {}: a folder, not a file", what, quote(path)));
    m_file.open(path, std::ios::binary);
    if (!m_file) throw UsageError(fmt::format("{} {}: cannot be read ({})", what, quote(path), reason(errno)));
    m_stream = &m_file;
    if (!fs::is_regular_file(path, error)) spool(m_file);  // a FIFO, a device
}

void InputFile::spool(std::istream& source) {
    // A pipe or a terminal is read to its end first, into a temporary file that is removed at
    // once (it stays readable while open): the reader then never waits on the writer, and
    // memory stays flat however much comes.
    std::error_code error;
    const fs::path folder = fs::temp_directory_path(error);
    if (error) return;  // no temporary folder: read the source as it comes
    const fs::path temporary = make_temporary(folder, "limber-input", m_what);
    {
        std::ofstream copy(temporary, std::ios::binary | std::ios::trunc);
        std::vector<char> piece(1 << 16);
        while (source.read(piece.data(), static_cast<std::streamsize>(piece.size())) || source.gcount() > 0)
            copy.write(piece.data(), source.gcount());
        const int read_error = errno;
        if (source.bad()) {
            fs::remove(temporary, error);
            throw UsageError(fmt::format("{} {}: cannot be read ({})", m_what, quote(m_path), reason(read_error)));
        }
        if (!copy.flush()) {
            fs::remove(temporary, error);
            throw UsageError(fmt::format("{} {}: cannot be copied to {} ({})", m_what, quote(m_path), folder.string(),
                                         reason(errno)));
        }
    }
    m_spool.open(temporary, std::ios::binary);
    fs::remove(temporary, error);
    if (m_spool) m_stream = &m_spool;
}

void InputFile::check_read() const {
    if (m_stream->bad())
        throw UsageError(fmt::format("{} {}: cannot be read ({})", m_what, quote(m_path), reason(errno)));
}

fs::path make_temporary(const fs::path& folder, const std::string& stem, std::string_view what) {
    std::string pattern = (folder.empty() ? fs::path(".") : folder) / ("." + stem + ".XXXXXX");
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0)
        throw UsageError(fmt::format("{} {}: cannot write in that folder ({})", what,
                                     quote((folder.empty() ? fs::path(".") : folder).string()), reason(errno)));
    ::close(fd);
    return fs::path(name.data());
}

AtomicFile::AtomicFile(fs::path path, std::string_view what) : m_path(std::move(path)) {
    std::error_code error;
    if (fs::is_directory(m_path, error))
        throw UsageError(fmt::format("{} {}: a folder, not a file", what, quote(m_path.string())));
    // A name under /dev (/dev/stdout, /dev/fd/3, /dev/null) stands for something already open or
    // a device: it is written to, at its end, never replaced or cut (`-o /dev/stdout >> log`).
    const bool device_name = m_path.is_absolute() && m_path.lexically_normal().string().starts_with("/dev/");
    // A link is followed, also to a file not made yet: the file it points to is the one
    // replaced, and the link stays.
    for (int hops = 0; !device_name && hops < 40 && fs::is_symlink(fs::symlink_status(m_path, error)); ++hops) {
        const fs::path target = fs::read_symlink(m_path, error);
        if (error) break;
        m_path = target.is_absolute() ? target : m_path.parent_path() / target;
    }
    // A device, pipe or socket (/dev/null, a FIFO) cannot be replaced: it is written to.
    const auto status = fs::status(m_path, error);
    if (device_name || (fs::exists(status) && !fs::is_regular_file(status))) {
        m_direct = true;
        m_stream.open(m_path, std::ios::binary | std::ios::app);
        if (!m_stream)
            throw UsageError(fmt::format("{} {}: cannot be written ({})", what, quote(m_path.string()), reason(errno)));
        return;
    }
    m_temporary = make_temporary(m_path.parent_path(), m_path.filename().string(), what);
    // A new file is the person's own (pain ratings, notes): 0600, as the temporary file is made;
    // a file it replaces keeps its mode.
    struct stat existing {};
    if (::stat(m_path.c_str(), &existing) == 0) ::chmod(m_temporary.c_str(), existing.st_mode & 07777);
    m_stream.open(m_temporary, std::ios::binary | std::ios::trunc);
}

AtomicFile::~AtomicFile() {
    if (m_committed || m_direct) return;
    m_stream.close();
    std::error_code ignored;
    fs::remove(m_temporary, ignored);
}

void AtomicFile::commit() {
    if (m_direct) {
        m_stream.flush();
        if (!m_stream.good()) throw StorageError(fmt::format("cannot write {} ({})", quote(m_path.string()), reason(errno)));
        m_stream.close();
        return;
    }
    m_stream.flush();
    const bool written = m_stream.good();
    m_stream.close();
    if (!written || m_stream.fail() || !sync_path(m_temporary, O_RDONLY))
        throw StorageError(fmt::format("cannot write {} ({})", quote(m_path.string()), reason(errno)));
    if (::rename(m_temporary.c_str(), m_path.c_str()) != 0)
        throw StorageError(fmt::format("cannot write {} ({})", quote(m_path.string()), reason(errno)));
    m_committed = true;
    sync_path(m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path(), O_RDONLY | O_DIRECTORY);
}

}  // namespace limber
