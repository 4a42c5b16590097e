#include <limber/store/routines.hpp>

#include <limber/catalog/catalog.hpp>
#include <limber/util/text.hpp>

#include "database.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <set>

namespace limber {

namespace {

/// "json_array(?, ?, ?)" for `n` values: SQLite writes the JSON of the routines table's columns.
std::string json_array_sql(std::size_t n) {
    std::string sql = "json_array(";
    for (std::size_t i = 0; i < n; ++i) sql += i == 0 ? "?" : ", ?";
    return sql + ")";
}

/// The schedule as the plan JSON writes it, built by SQLite from the values bound to its placeholders.
std::string schedule_sql(const Schedule& schedule) {
    switch (schedule.kind) {
    case ScheduleKind::Weekdays: return "json_object('kind', ?, 'days', " + json_array_sql(schedule.weekdays.size()) + ")";
    case ScheduleKind::PerWeek: return "json_object('kind', ?, 'count', ?)";
    case ScheduleKind::Daily: break;
    }
    return "json_object('kind', ?)";
}

/// The JSON arrays of a routine's row (constraints, equipment, warnings, and the schedule's
/// days), read in one query.
struct RoutineLists {
    std::vector<std::string> constraints, equipment, warnings, days;
};

RoutineLists lists_of(SQLite::Database& db, const std::string& constraints, const std::string& equipment,
                      const std::string& warnings, const std::string& schedule) {
    SQLite::Statement query(db, R"(
        SELECT 0, key, value FROM json_each(?1) UNION ALL SELECT 1, key, value FROM json_each(?2)
        UNION ALL SELECT 2, key, value FROM json_each(?3) UNION ALL SELECT 3, key, value FROM json_each(?4, '$.days')
        ORDER BY 1, 2)");
    query.bind(1, constraints);
    query.bind(2, equipment);
    query.bind(3, warnings);
    query.bind(4, schedule);
    RoutineLists lists;
    std::vector<std::string>* const of[] = {&lists.constraints, &lists.equipment, &lists.warnings, &lists.days};
    while (query.executeStep()) of[query.getColumn(0).getInt()]->push_back(query.getColumn(2).getString());
    return lists;
}

}  // namespace

void save_routine(Store& store, const std::string& name, const PlanRequest& request,
                  const Plan& plan, Day today, Instant now, bool week_one_again) {
    SQLite::Database& db = database(store);
    const std::int64_t now_s = now.time_since_epoch().count();
    const auto constraints = names_of(request.constraints);
    const auto equipment = names_of(request.equipment);
    SQLite::Statement upsert(db, fmt::format(R"(
        INSERT INTO routines (name, level, constraints, equipment, minutes, schedule, age,
                              estimated_s, warnings, created_day, created_at, updated_at,
                              allow_flexion, floor_ok)
        VALUES (?, ?, {}, {}, ?, {}, ?, ?, {}, ?, ?, ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET
            level = excluded.level, constraints = excluded.constraints,
            equipment = excluded.equipment, minutes = excluded.minutes,
            schedule = excluded.schedule, age = excluded.age,
            estimated_s = excluded.estimated_s, warnings = excluded.warnings,
            updated_at = excluded.updated_at, allow_flexion = excluded.allow_flexion,
            floor_ok = excluded.floor_ok{}
        RETURNING id)",
                                             json_array_sql(constraints.size()), json_array_sql(equipment.size()),
                                             schedule_sql(request.schedule), json_array_sql(plan.warnings.size()),
                                             week_one_again ? ", created_day = excluded.created_day" : ""));
    int at = 0;
    const auto bind_all = [&](const std::vector<std::string>& values) {
        for (const auto& value : values) upsert.bind(++at, value);
    };
    upsert.bind(++at, name);
    upsert.bind(++at, std::string(to_string(request.level)));
    bind_all(constraints);
    bind_all(equipment);
    upsert.bind(++at, request.minutes);
    upsert.bind(++at, std::string(to_string(request.schedule.kind)));
    if (request.schedule.kind == ScheduleKind::Weekdays)
        for (const auto d : request.schedule.weekdays) upsert.bind(++at, std::string(weekday_short_name(d)));
    if (request.schedule.kind == ScheduleKind::PerWeek) upsert.bind(++at, request.schedule.per_week);
    if (request.age) {
        upsert.bind(++at, *request.age);
    } else {
        upsert.bind(++at);
    }
    upsert.bind(++at, plan.estimated_s);
    bind_all(plan.warnings);
    upsert.bind(++at, format_day(today));
    upsert.bind(++at, now_s);
    upsert.bind(++at, now_s);
    upsert.bind(++at, request.allow_flexion ? 1 : 0);
    upsert.bind(++at, request.floor_ok ? 1 : 0);
    upsert.executeStep();
    const std::int64_t id = upsert.getColumn(0).getInt64();
    upsert.reset();

    SQLite::Statement clear(db, "DELETE FROM routine_items WHERE routine_id = ?");
    clear.bind(1, id);
    clear.exec();
    SQLite::Statement insert(db, R"(
        INSERT INTO routine_items (routine_id, position, exercise, phase, sided, sets, reps, hold_s, rest_s, why, days)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))");
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        const auto& item = plan.items[i];
        insert.bind(1, id);
        insert.bind(2, static_cast<std::int64_t>(i));
        insert.bind(3, item.exercise);
        insert.bind(4, std::string(to_string(item.phase)));
        insert.bind(5, item.sided ? 1 : 0);
        insert.bind(6, item.sets);
        insert.bind(7, item.reps);
        insert.bind(8, item.hold_s);
        insert.bind(9, item.rest_s);
        insert.bind(10, item.why);
        insert.bind(11, std::string(to_string(item.on)));
        insert.exec();
        insert.reset();
    }
}

std::optional<SavedRoutine> load_routine(Store& store, const std::string& name) {
    SQLite::Database& db = database(store);
    SQLite::Statement query(db, R"(
        SELECT id, level, minutes, json_extract(schedule, '$.kind'), json_extract(schedule, '$.count'), age,
               created_day, created_at, updated_at, constraints, equipment, warnings, schedule,
               allow_flexion, floor_ok
        FROM routines WHERE name = ?)");
    query.bind(1, name);
    if (!query.executeStep()) return std::nullopt;
    SavedRoutine r;
    r.name = name;
    const std::int64_t id = query.getColumn(0).getInt64();
    RoutineLists lists = lists_of(db, query.getColumn(9).getString(), query.getColumn(10).getString(),
                                  query.getColumn(11).getString(), query.getColumn(12).getString());
    r.request.level = parse_level(query.getColumn(1).getString()).value_or(Level::Beginner);
    r.request.constraints.clear();
    for (const auto& c : lists.constraints)
        if (auto parsed = parse_constraint(c)) r.request.constraints.push_back(*parsed);
    r.request.equipment.clear();
    for (const auto& e : lists.equipment)
        if (auto parsed = parse_equipment(e)) r.request.equipment.push_back(*parsed);
    r.request.minutes = query.getColumn(2).getInt();
    Schedule& schedule = r.request.schedule;
    schedule.kind = parse_schedule_kind(query.getColumn(3).getString()).value_or(ScheduleKind::Daily);
    if (schedule.kind == ScheduleKind::Weekdays)
        for (const auto& day_name : lists.days)
            if (const auto day = parse_weekday(day_name)) schedule.weekdays.push_back(*day);
    if (schedule.kind == ScheduleKind::PerWeek) schedule.per_week = query.getColumn(4).getInt();
    if (!query.getColumn(5).isNull()) r.request.age = query.getColumn(5).getInt();
    r.request.allow_flexion = query.getColumn(13).getInt() != 0;
    r.request.floor_ok = query.getColumn(14).getInt() != 0;
    r.warnings = std::move(lists.warnings);
    r.created_day = parse_iso_day(query.getColumn(6).getString()).value_or(Day{});
    r.created_at = Instant{std::chrono::seconds{query.getColumn(7).getInt64()}};
    r.updated_at = Instant{std::chrono::seconds{query.getColumn(8).getInt64()}};

    SQLite::Statement items(db, R"(
        SELECT exercise, phase, sided, sets, reps, hold_s, rest_s, why, days
        FROM routine_items WHERE routine_id = ? ORDER BY position)");
    items.bind(1, id);
    while (items.executeStep()) {
        RoutineItem item;
        item.exercise = items.getColumn(0).getString();
        item.phase = parse_phase(items.getColumn(1).getString()).value_or(Phase::Stretch);
        item.sided = items.getColumn(2).getInt() != 0;
        item.sets = items.getColumn(3).getInt();
        item.reps = items.getColumn(4).getInt();
        item.hold_s = items.getColumn(5).getInt();
        item.rest_s = items.getColumn(6).getInt();
        item.why = items.getColumn(7).getString();
        item.on = parse_day_part(items.getColumn(8).getString()).value_or(DayPart::Every);
        r.items.push_back(item);
    }
    return r;
}

std::vector<std::string> routine_names(Store& store) {
    SQLite::Database& db = database(store);
    std::vector<std::string> names;
    SQLite::Statement query(db, "SELECT name FROM routines ORDER BY name");
    while (query.executeStep()) names.push_back(query.getColumn(0).getString());
    return names;
}

bool remove_routine(Store& store, const std::string& name) {
    SQLite::Database& db = database(store);
    SQLite::Statement remove(db, "DELETE FROM routines WHERE name = ?");
    remove.bind(1, name);
    return remove.exec() > 0;
}

std::vector<SessionFact> session_facts(Store& store, const std::string& name) {
    SQLite::Database& db = database(store);
    std::vector<SessionFact> facts;
    SQLite::Statement query(db, R"(
        SELECT day, status, pain_before, pain_after, duration_s, hold_count, hold_seconds FROM sessions
        WHERE routine = ? ORDER BY day, started_at)");
    query.bind(1, name);
    std::string last_day;
    Day day;
    while (query.executeStep()) {
        SessionFact fact;
        const char* text = query.getColumn(0).getText();
        if (last_day != text) {  // sessions come ordered by day: parse each day once
            last_day = text;
            day = parse_iso_day(last_day).value_or(Day{});
        }
        fact.day = day;
        fact.status = query.getColumn(1).getString();
        if (!query.getColumn(2).isNull()) fact.pain_before = query.getColumn(2).getInt();
        if (!query.getColumn(3).isNull()) fact.pain_after = query.getColumn(3).getInt();
        fact.duration_s = query.getColumn(4).getInt();  // NULL reads as 0
        fact.hold_count = query.getColumn(5).getInt();
        fact.hold_seconds = query.getColumn(6).getInt();
        facts.push_back(std::move(fact));
    }
    return facts;
}

std::vector<HoldFact> stretch_holds(Store& store, const std::string& name, Day from, Day to) {
    SQLite::Database& db = database(store);
    std::set<std::string, std::less<>> stretches;
    for (const auto& e : library())
        if (e.kind == Kind::Static) stretches.insert(e.id);
    SQLite::Statement query(db, R"(
        SELECT day, exercise, held_s FROM sessions JOIN holds ON holds.session_id = sessions.id
        WHERE routine = ? AND day BETWEEN ? AND ? AND status IN ('completed', 'partial'))");
    query.bind(1, name);
    query.bind(2, format_day(from));
    query.bind(3, format_day(to));
    std::vector<HoldFact> holds;
    std::string last_day;
    Day day;
    while (query.executeStep()) {
        if (stretches.count(query.getColumn(1).getText()) == 0) continue;
        const char* text = query.getColumn(0).getText();
        if (last_day != text) {
            last_day = text;
            day = parse_iso_day(last_day).value_or(Day{});
        }
        holds.push_back(HoldFact{day, query.getColumn(2).getInt()});
    }
    return holds;
}

}  // namespace limber
