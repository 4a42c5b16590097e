#pragma once
// Storing the sessions of an import: those whose uuid is not stored yet, with their holds.

#include <limber/session/records.hpp>
#include <limber/store/sessions.hpp>
#include <limber/store/store.hpp>

#include <cstddef>
#include <vector>

namespace limber {

/// What an import did (or, dry, would do).
struct ImportCount {
    std::size_t added = 0;
    std::size_t present = 0;  ///< uuids already stored (or repeated in the file), left as they are
};

/// Adds imported sessions one at a time. Use inside a write transaction (and roll it back for
/// a dry run): the sessions added so far are what makes a uuid repeated in the file "present".
class ImportWriter {
public:
    explicit ImportWriter(Store& store) : m_writer(store) {}
    void add(const IncomingSession& incoming);
    const ImportCount& count() const { return m_count; }

private:
    SessionWriter m_writer;
    ImportCount m_count;
};

/// Adds all of `sessions` through one ImportWriter. Call inside a write transaction.
ImportCount store_import(Store& store, const std::vector<IncomingSession>& sessions);

}  // namespace limber
