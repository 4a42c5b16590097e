#include <limber/session/view.hpp>

#include <limber/catalog/catalog.hpp>
#include <limber/session/engine.hpp>
#include <limber/session/guide.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace limber {

namespace {

std::string cue_of(const SessionScript& script, const Step& step) {
    const Exercise* exercise = exercise_at(script, step);
    if (!exercise || exercise->cues.empty()) return {};
    return exercise->cues.front();
}

}  // namespace

std::string pause_title(const SessionScript& script, const Step& step) {
    const std::string name =
        step.item < script.items.size() ? exercise_name(script.items[step.item].exercise) : std::string{};
    switch (step.kind) {
    case StepKind::GetReady: return "Get ready: " + name;
    case StepKind::Transition: return "Get into position: " + name;
    case StepKind::SwitchSide: return fmt::format("Switch to the {} side", step.side);
    case StepKind::Rest: return "Rest";
    case StepKind::Hold:
    case StepKind::Reps: break;
    }
    return {};
}

const Exercise* exercise_at(const SessionScript& script, const Step& step) {
    if (step.item >= script.items.size()) return nullptr;
    return find_exercise(script.items[step.item].exercise);
}

std::optional<WayIn> way_in(const SessionScript& script, std::size_t index) {
    const Step& step = script.steps.at(index);
    if (step.kind != StepKind::GetReady && step.kind != StepKind::Transition) return std::nullopt;
    const Exercise* exercise = exercise_at(script, step);
    if (!exercise) return std::nullopt;
    WayIn way{std::nullopt, exercise->position};
    if (step.item > 0 && step.item - 1 < script.items.size()) {
        const Exercise* before = find_exercise(script.items[step.item - 1].exercise);
        if (!before) return std::nullopt;  // where the person is now is not known
        way.from = before->position;
    }
    return way;
}

std::string position_line(const SessionScript& script, std::size_t index) {
    const auto way = way_in(script, index);
    return way ? position_instruction(way->from, way->to) : std::string{};
}

std::string cue_line(const SessionScript& script, std::size_t index) {
    const Step& step = script.steps.at(index);
    if (script.spoken) {
        std::string position = position_line(script, index);
        if (!position.empty()) return position;
    }
    const Exercise* exercise = exercise_at(script, step);
    if (step.kind == StepKind::SwitchSide && exercise && !exercise->side_cue.empty()) return exercise->side_cue;
    return cue_of(script, step);
}

std::string overview_line(const SessionScript& script, std::size_t first, int holds_left, bool resume) {
    return fmt::format("{}Routine \"{}\": {} holds, about {}.", resume ? "Continuing. " : "", script.routine, holds_left,
                       clock_text(seconds_from(script.steps, first)));
}

std::string exercise_name(const std::string& id) {
    const Exercise* exercise = find_exercise(id);
    return exercise ? exercise->name : id;
}

std::string clock_text(long long seconds) { return fmt::format("{}:{:02}", seconds / 60, seconds % 60); }

std::string work_detail(const SessionScript& script, const Step& step) {
    if (step.item >= script.items.size()) return {};
    const RoutineItem& item = script.items[step.item];
    std::vector<std::string> parts;
    if (!step.side.empty()) parts.push_back(fmt::format("{} side", step.side));
    if (step.kind == StepKind::Reps) {
        if (item.sets > 1) parts.push_back(fmt::format("set {} of {}", step.set, item.sets));
        parts.push_back(fmt::format("{} reps", step.rep));
    } else if (item.reps > 1 || item.sets > 1) {
        std::string rep = fmt::format("rep {} of {}", step.rep, item.reps);
        if (item.sets > 1) rep += fmt::format(" (set {} of {})", step.set, item.sets);
        parts.push_back(std::move(rep));
    }
    return join(parts, " · ");
}

std::string work_title(const SessionScript& script, const Step& step) {
    if (step.item >= script.items.size()) return "?";
    const std::string detail = work_detail(script, step);
    return exercise_name(script.items[step.item].exercise) + (detail.empty() ? "" : " · " + detail);
}

std::string step_line(const SessionScript& script, std::size_t index) {
    const Step& step = script.steps.at(index);
    switch (step.kind) {
    case StepKind::Hold: return fmt::format("hold {} s: {}", step.seconds, work_title(script, step));
    case StepKind::Reps: return fmt::format("set {} s: {}", step.seconds, work_title(script, step));
    case StepKind::GetReady:
        return fmt::format("get ready {} s: {}", step.seconds, exercise_name(script.items.at(step.item).exercise));
    case StepKind::Transition:
        return fmt::format("next {} s: get into position for {}", step.seconds,
                           exercise_name(script.items.at(step.item).exercise));
    case StepKind::SwitchSide: return fmt::format("switch to the {} side {} s", step.side, step.seconds);
    case StepKind::Rest: return fmt::format("rest {} s", step.seconds);
    }
    return {};
}

std::string next_line(const SessionScript& script, std::size_t index) {
    if (index + 1 >= script.steps.size()) return "Last one";
    const Step& next = script.steps[index + 1];
    if (SessionEngine::is_work(next)) return "Next: " + work_title(script, next);
    if (next.kind == StepKind::Rest) return fmt::format("Next: rest {} s", next.seconds);
    return "Next: " + pause_title(script, next);
}

std::vector<std::string> caution_lines(const SessionScript& script, std::size_t index) {
    std::vector<std::string> lines;
    const Step& step = script.steps.at(index);
    if (step.kind != StepKind::GetReady && step.kind != StepKind::Transition) return lines;
    if (step.item >= script.items.size()) return lines;
    for (const auto& caution : script.items[step.item].cautions) lines.push_back("! " + caution);
    return lines;
}

std::vector<std::string> live_lines(const SessionScript& script, const LiveFrame& frame, int width, const ui::Style& style) {
    const auto w = static_cast<std::size_t>(std::max(width, 20)) - 1;  // never the last column: no wrap
    std::vector<std::string> lines;
    const long long elapsed_s = frame.elapsed_ms / 1000;
    lines.push_back(style.dim(ui::fit(fmt::format("{} · {} / {} · hold {} of {}", script.routine, clock_text(elapsed_s),
                                                  clock_text(frame.total_s), std::min(frame.holds_done + 1, frame.holds_total),
                                                  frame.holds_total), w)));
    if (frame.step >= script.steps.size()) {
        lines.push_back(style.bold(ui::fit("Done", w)));
        return lines;
    }
    const Step& step = script.steps[frame.step];
    const bool work = SessionEngine::is_work(step);
    const std::string title = work ? work_title(script, step) : pause_title(script, step);
    lines.push_back(work ? style.bold(ui::fit(title, w)) : style.cyan(ui::fit(title, w)));
    lines.push_back(ui::fit(cue_line(script, frame.step), w));
    for (const auto& caution : caution_lines(script, frame.step)) lines.push_back(style.yellow(ui::fit(caution, w)));

    const long long remaining_s = (frame.remaining_ms + 999) / 1000;
    const std::string count = frame.paused ? "PAUSED" : clock_text(remaining_s);
    const std::size_t bar_width = w > count.size() + 4 ? std::min<std::size_t>(w - count.size() - 3, 40) : 0;
    const double done = step.seconds > 0 ? 1.0 - static_cast<double>(frame.remaining_ms) / (step.seconds * 1000.0) : 1.0;
    std::string meter = "  ";
    meter += frame.paused ? style.yellow(count) : style.bold(count);
    if (bar_width > 0) {
        meter += ' ';
        meter += work ? style.green(ui::bar(done, bar_width)) : style.cyan(ui::bar(done, bar_width));
    }
    lines.push_back(meter);
    lines.push_back(ui::fit(next_line(script, frame.step), w));
    std::string keys = frame.paused ? "space resume · n next" : "space pause · n next";
    if (frame.voice != LiveFrame::Voice::Off)
        keys += frame.voice == LiveFrame::Voice::Muted ? " · r repeat · m unmute" : " · r repeat · m mute";
    lines.push_back(style.dim(ui::fit(keys + " · q quit", w)));
    return lines;
}

}  // namespace limber
