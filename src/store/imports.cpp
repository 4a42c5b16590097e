#include <limber/store/imports.hpp>

namespace limber {

void ImportWriter::add(const IncomingSession& incoming) {
    // a uuid stored before, or earlier in this import, is left as it is
    if (m_writer.has_uuid(incoming.session.uuid)) {
        ++m_count.present;
        return;
    }
    const auto id = m_writer.add(incoming.session);
    for (const auto& hold : incoming.holds) m_writer.add_hold(id, hold);
    ++m_count.added;
}

ImportCount store_import(Store& store, const std::vector<IncomingSession>& sessions) {
    ImportWriter writer(store);
    for (const auto& incoming : sessions) writer.add(incoming);
    return writer.count();
}

}  // namespace limber
