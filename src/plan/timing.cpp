#include <limber/plan/timing.hpp>

#include <limber/catalog/catalog.hpp>

#include <fmt/format.h>

#include <optional>

namespace limber {

namespace {

std::optional<Position> position_of(const RoutineItem& item) {
    const Exercise* exercise = find_exercise(item.exercise);
    if (!exercise) return std::nullopt;
    return exercise->position;
}

}  // namespace

std::vector<Step> expand(const std::vector<RoutineItem>& items, const Timing& timing) {
    std::vector<Step> steps;
    auto pause = [&steps](StepKind kind, int seconds, std::size_t item, const std::string& side) {
        if (seconds > 0) steps.push_back(Step{kind, seconds, item, side, 1, 1});
    };
    std::optional<Position> previous;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const RoutineItem& item = items[i];
        const auto position = position_of(item);
        if (i == 0) {
            pause(StepKind::GetReady, timing.get_ready_s, i, "");
        } else {
            const bool same = position && previous && *position == *previous;
            pause(StepKind::Transition, same ? timing.transition_s : timing.position_change_s, i, "");
        }
        previous = position;

        const std::vector<std::string> sides =
            item.sided ? std::vector<std::string>{"left", "right"} : std::vector<std::string>{""};
        for (std::size_t s = 0; s < sides.size(); ++s) {
            if (s > 0) pause(StepKind::SwitchSide, timing.side_switch_s, i, sides[s]);
            for (int set = 1; set <= item.sets; ++set) {
                if (set > 1) pause(StepKind::Rest, item.rest_s, i, sides[s]);
                if (item.hold_s > 0) {
                    for (int rep = 1; rep <= item.reps; ++rep) {
                        if (rep > 1) pause(StepKind::Rest, item.rest_s, i, sides[s]);
                        steps.push_back(Step{StepKind::Hold, item.hold_s, i, sides[s], set, rep});
                    }
                } else {
                    steps.push_back(Step{StepKind::Reps, item.reps * timing.seconds_per_rep, i,
                                         sides[s], set, item.reps});
                }
            }
        }
    }
    return steps;
}

int estimate_seconds(const std::vector<RoutineItem>& items, const Timing& timing) {
    int total = 0;
    for (const auto& step : expand(items, timing)) total += step.seconds;
    return total;
}

std::string format_duration(int seconds) {
    if (seconds < 60) return fmt::format("{} s", seconds);
    if (seconds % 60 == 0) return fmt::format("{} min", seconds / 60);
    return fmt::format("{} min {} s", seconds / 60, seconds % 60);
}

}  // namespace limber
