// Unit tests: the planner. A property test runs every level × every subset of constraints ×
// budgets {5, 10, 20, 30, 60} × equipment sets × ages × schedules and checks each rule
// against the library's attributes; then a few plans by hand.
#include <limber/catalog/catalog.hpp>
#include <limber/plan/planner.hpp>
#include <limber/util/error.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace limber;
using limber::test::constraint_subsets;

namespace {

bool has_warning(const Plan& plan, std::string_view prefix) {
    return std::any_of(plan.warnings.begin(), plan.warnings.end(),
                       [prefix](const std::string& w) { return w.starts_with(prefix); });
}


}  // namespace

TEST_CASE("property: every plan is safe, complete, ordered, dosed by R1/R2/R5 and fitted or warned") {
    const std::vector<std::vector<Equipment>> equipment_sets = {
        {}, {Equipment::Chair, Equipment::Wall}, all_equipment()};
    Schedule daily;
    Schedule twice;
    twice.kind = ScheduleKind::PerWeek;
    twice.per_week = 2;
    std::size_t plans = 0, fitted = 0;
    for (const auto& constraints : constraint_subsets())
        for (auto level : all_levels())
            for (int minutes : {5, 10, 20, 30, 60})
                for (const auto& equipment : equipment_sets)
                    for (std::optional<int> age : {std::optional<int>{}, std::optional<int>{70}})
                        for (const auto& schedule : {daily, twice}) {
                            PlanRequest request{level, constraints, equipment, minutes, schedule, age};
                            const Profile profile{level, constraints, equipment};
                            const Plan plan = make_plan(request);
                            ++plans;
                            INFO("level " << to_string(level) << " constraints " << constraints.size() << " minutes "
                                          << minutes << " equipment " << equipment.size() << " age " << age.value_or(0)
                                          << " days " << schedule.days_per_week());
                            REQUIRE_FALSE(plan.items.empty());

                            // safety: nothing a rule forbids (R9–R17), checked on attributes
                            std::set<std::string> in;
                            std::size_t hamstring_items = 0;
                            for (const auto& item : plan.items) {
                                const Exercise* e = find_exercise(item.exercise);
                                REQUIRE(e);
                                in.insert(e->id);
                                CHECK(exclusion_reasons(*e, profile).empty());
                                CHECK_FALSE(e->flags.ballistic);
                                for (auto needed : e->equipment)
                                    CHECK(std::find(equipment.begin(), equipment.end(), needed) != equipment.end());
                                CHECK(std::find(e->levels.begin(), e->levels.end(), level) != e->levels.end());  // R17
                                if (has(profile, Constraint::NoFloor)) CHECK_FALSE(is_floor(e->position));        // R12
                                if (has(profile, Constraint::Pregnant)) {                                        // R9
                                    CHECK(e->position != Position::FloorSupine);
                                    CHECK(e->position != Position::FloorProne);
                                    CHECK_FALSE(e->flags.partner);
                                    CHECK_FALSE(e->flags.balance);
                                    CHECK_FALSE(e->flags.spinal_flexion_load);
                                }
                                if (has(profile, Constraint::Injured)) {                                         // R10
                                    CHECK((e->position == Position::Standing || e->position == Position::SeatedChair));
                                    CHECK_FALSE(e->flags.partner);
                                    CHECK_FALSE(e->flags.balance);
                                    CHECK(e->kind != Kind::Strength);
                                    CHECK(e->kind != Kind::Release);
                                }
                                if (has(profile, Constraint::BackPain)) CHECK_FALSE(e->flags.spinal_flexion_load);  // R13
                                if (has(profile, Constraint::Sciatica)) {                                           // R14
                                    CHECK_FALSE(e->flags.spinal_flexion_load);
                                    CHECK_FALSE(e->flags.nerve_tension);
                                }
                                if (has(profile, Constraint::AcuteStrain)) {  // R11: walking and isometric holds only
                                    const bool walking = e->kind == Kind::Dynamic &&
                                                         std::find(e->targets.begin(), e->targets.end(), "hamstrings") == e->targets.end();
                                    const bool isometric = e->kind == Kind::Strength && e->dose.hold_s > 0;
                                    CHECK((walking || isometric));
                                }
                                hamstring_items += is_hamstring_stretch(*e);
                                // R8: strength only when the schedule asks for at most 2 days a week
                                if (item.phase == Phase::Strength) CHECK(schedule.days_per_week() <= 2);
                            }
                            CHECK(in.size() == plan.items.size());  // no exercise twice

                            // structure: warm-up first (R7), phases in order, at least two hamstring stretches
                            CHECK(plan.items.front().exercise == "march-in-place");
                            for (std::size_t i = 1; i < plan.items.size(); ++i)
                                CHECK(static_cast<int>(plan.items[i - 1].phase) <= static_cast<int>(plan.items[i].phase));
                            std::size_t safe_hamstring = 0;
                            for (const auto& e : library())
                                safe_hamstring += is_hamstring_stretch(e) && exclusion_reasons(e, profile).empty();
                            CHECK(hamstring_items >= std::min<std::size_t>(2, safe_hamstring));

                            // order: standing/chair → floor at most once down and once up
                            int changes = 0;
                            for (std::size_t i = 1; i < plan.items.size(); ++i)
                                changes += is_floor(find_exercise(plan.items[i - 1].exercise)->position) !=
                                           is_floor(find_exercise(plan.items[i].exercise)->position);
                            CHECK(changes <= 2);

                            // dose: R1/R5 start hold, R2 reps, caps, no extra rounds when gentle
                            const HoldRule rule = hold_rule_for(request);
                            CHECK(plan.hold_s == rule.start_s);
                            CHECK(rule.start_s <= rule.cap_s);
                            if (age) CHECK(rule.start_s == 30);
                            if (has(profile, Constraint::Pregnant) || has(profile, Constraint::Injured)) CHECK(rule.cap_s == 30);
                            std::map<std::string, int> group;  // static stretches per primary muscle
                            for (const auto& item : plan.items) {
                                const Exercise* e = find_exercise(item.exercise);
                                if (e->kind == Kind::Static) ++group[e->targets.front()];
                            }
                            for (const auto& item : plan.items) {
                                const Exercise* e = find_exercise(item.exercise);
                                if (e->kind != Kind::Static) continue;
                                CHECK(item.hold_s == rule.start_s);
                                // R2: per exercise, or the group's 60 s shared by its stretches
                                const int n = group[e->targets.front()];
                                const int shared = std::clamp((60 + item.hold_s * n - 1) / (item.hold_s * n), 2, 4);
                                CHECK((item.reps == reps_for_hold(item.hold_s) || item.reps == shared));
                                CHECK(item.reps * item.hold_s <= 60 + item.hold_s);  // about 60 s per pass
                                CHECK(item.sets <= 3);
                                if (has(profile, Constraint::Pregnant) || has(profile, Constraint::Injured))
                                    CHECK(item.sets == 1);
                            }

                            // time: the estimate is the timing model's; within ±10 % or a warning says why (R18)
                            CHECK(plan.estimated_s == estimate_seconds(plan.items));
                            const bool fits = std::abs(plan.estimated_s - minutes * 60) * 10 <= minutes * 60;
                            fitted += fits;
                            CHECK(fits != has_warning(plan, "time:"));

                            // every other exercise is accounted for, with a reason
                            CHECK(plan.excluded.size() + plan.items.size() == library().size());
                            for (const auto& x : plan.excluded) {
                                CHECK(in.count(x.exercise) == 0);
                                CHECK_FALSE(x.reasons.empty());
                            }

                            // warnings the constraints and schedule call for
                            CHECK(has(profile, Constraint::Pregnant) == has_warning(plan, "pregnant:"));
                            CHECK(has(profile, Constraint::AcuteStrain) == has_warning(plan, "acute-strain:"));
                            CHECK(has(profile, Constraint::Sciatica) == has_warning(plan, "sciatica:"));
                            CHECK((schedule.days_per_week() < 3) == has_warning(plan, "schedule:"));
                        }
    CHECK(plans == 64 * 3 * 5 * 3 * 2 * 2);
    WARN("planner property test checked " << plans << " plans; " << fitted << " within ±10 % of the budget");
}

TEST_CASE("without constraints every budget from 5 to 60 minutes is met within ±10 %") {
    for (auto level : all_levels())
        for (int minutes = 5; minutes <= 60; ++minutes) {
            const Plan plan = make_plan(PlanRequest{level, {}, {Equipment::Chair, Equipment::Wall}, minutes, Schedule{}, {}});
            INFO(to_string(level) << " " << minutes << " min: " << plan.estimated_s << " s");
            CHECK(std::abs(plan.estimated_s - minutes * 60) * 10 <= minutes * 60);
        }
}

TEST_CASE("the same request gives the same plan") {
    const PlanRequest request{Level::Intermediate, {Constraint::BackPain}, all_equipment(), 20, Schedule{}, 40};
    const Plan a = make_plan(request);
    const Plan b = make_plan(request);
    REQUIRE(a.items.size() == b.items.size());
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        CHECK(a.items[i].exercise == b.items[i].exercise);
        CHECK(a.items[i].reps == b.items[i].reps);
        CHECK(a.items[i].sets == b.items[i].sets);
    }
    CHECK(a.warnings == b.warnings);
}

TEST_CASE("back pain puts the back-safe hamstring stretches first (R13)") {
    const Plan plan = make_plan(PlanRequest{Level::Beginner, {Constraint::BackPain}, all_equipment(), 10, Schedule{}, {}});
    std::set<std::string> ids;
    for (const auto& item : plan.items) ids.insert(item.exercise);
    CHECK(ids.count("seated-knee-extension") == 1);
    CHECK(ids.count("supine-strap") == 1);
    for (const auto& item : plan.items)
        if (item.exercise == "seated-knee-extension") CHECK_THAT(item.why, Catch::Matchers::Contains("R13"));
}

TEST_CASE("an acute strain gets no hamstring stretch, and care advice (R11)") {
    const Plan plan = make_plan(PlanRequest{Level::Advanced, {Constraint::AcuteStrain}, all_equipment(), 10, Schedule{}, {}});
    for (const auto& item : plan.items) CHECK_FALSE(is_hamstring_stretch(*find_exercise(item.exercise)));
    CHECK(has_warning(plan, "acute-strain: no hamstring stretching"));
}

TEST_CASE("pregnant and no floor: a short safe routine and an honest warning at 30 minutes (R18)") {
    const Plan plan = make_plan(PlanRequest{Level::Beginner, {Constraint::NoFloor, Constraint::Pregnant},
                                            {Equipment::Chair, Equipment::Wall}, 30, Schedule{}, {}});
    CHECK(plan.estimated_s < 30 * 60 * 9 / 10);
    CHECK(has_warning(plan, "time: only about"));
    CHECK(has_warning(plan, "pregnant: stretch gently"));
}

TEST_CASE("strength work appears only on schedules of at most 2 days a week (R8)") {
    Schedule twice;
    twice.kind = ScheduleKind::Weekdays;
    twice.weekdays = {2, 5};
    const Plan plan = make_plan(PlanRequest{Level::Intermediate, {}, all_equipment(), 30, twice, {}});
    CHECK(std::any_of(plan.items.begin(), plan.items.end(), [](const RoutineItem& i) { return i.phase == Phase::Strength; }));
    const Plan daily = make_plan(PlanRequest{Level::Intermediate, {}, all_equipment(), 30, Schedule{}, {}});
    CHECK_FALSE(std::any_of(daily.items.begin(), daily.items.end(), [](const RoutineItem& i) { return i.phase == Phase::Strength; }));
    bool explained = false;
    for (const auto& x : daily.excluded)
        if (x.exercise == "glute-bridge") explained = x.reasons.front().starts_with("R8:");
    CHECK(explained);
}

TEST_CASE("red-flag symptoms stop planning with exit 5 (R15)") {
    CHECK_NOTHROW(stop_on_red_flags({}));
    try {
        stop_on_red_flags({Symptom::SaddleNumbness});
        FAIL("no stop");
    } catch (const SafetyStop& e) {
        CHECK(e.code() == ExitCode::SafetyStop);
        CHECK_THAT(std::string(e.what()), Catch::Matchers::Contains("urgent medical care"));
    }
    for (auto s : all_symptoms()) CHECK(parse_symptom(to_string(s)) == s);
}
