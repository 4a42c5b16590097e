#pragma once
// Writing the export documents of CLI.md (sessions or holds, CSV or JSON) one row at a time:
// the caller reads the rows from the store and hands them over in order.

#include <limber/io/output.hpp>
#include <limber/io/transfer.hpp>
#include <limber/session/records.hpp>

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <vector>

namespace limber {

class ExportWriter {
public:
    /// Starts a document of `what` in `format` on `out` (a CSV writes its header now).
    ExportWriter(std::ostream& out, TransferFormat format, ExportWhat what);
    ~ExportWriter();
    ExportWriter(const ExportWriter&) = delete;
    ExportWriter& operator=(const ExportWriter&) = delete;

    /// Whether session() wants each session's holds (the JSON sessions document carries them).
    bool wants_holds() const;
    /// Adds one session (a sessions document); `holds` are read only when wants_holds().
    void session(const Session& session, const std::vector<Hold>& holds);
    /// Adds one hold (a holds document).
    void hold(const HoldLine& hold);
    /// Ends the document and hands the rest of the output over. Returns the rows written.
    std::size_t finish();

private:
    TransferFormat m_format;
    ExportWhat m_what;
    Buffered m_out;
    JsonArrayWriter m_array;
    std::size_t m_rows = 0;
};

}  // namespace limber
