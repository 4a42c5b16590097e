#include <limber/session/records.hpp>

#include <limber/util/text.hpp>

#include <vector>

namespace limber {

std::string_view to_string(SessionStatus status) {
    switch (status) {
    case SessionStatus::InProgress: return "in_progress";
    case SessionStatus::Completed: return "completed";
    case SessionStatus::Partial: return "partial";
    case SessionStatus::Skipped: return "skipped";
    }
    return {};
}

std::optional<SessionStatus> parse_session_status(std::string_view text) {
    return parse_among<SessionStatus>(
        {SessionStatus::InProgress, SessionStatus::Completed, SessionStatus::Partial, SessionStatus::Skipped}, text);
}

std::string_view to_string(SessionSource source) {
    switch (source) {
    case SessionSource::Guided: return "guided";
    case SessionSource::Manual: return "manual";
    case SessionSource::Import: return "import";
    }
    return {};
}

std::optional<SessionSource> parse_session_source(std::string_view text) {
    return parse_among<SessionSource>({SessionSource::Guided, SessionSource::Manual, SessionSource::Import}, text);
}

}  // namespace limber
