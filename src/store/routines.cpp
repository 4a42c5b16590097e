#include <limber/routines.hpp>

#include <limber/catalog.hpp>
#include <limber/text.hpp>

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include <set>

namespace limber {

using nlohmann::json;

void save_routine(SQLite::Database& db, const std::string& name, const PlanRequest& request,
                  const Plan& plan, Day today, Instant now) {
    const std::int64_t now_s = now.time_since_epoch().count();
    SQLite::Statement upsert(db, R"(
        INSERT INTO routines (name, level, constraints, equipment, minutes, schedule, age,
                              estimated_s, warnings, created_day, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET
            level = excluded.level, constraints = excluded.constraints,
            equipment = excluded.equipment, minutes = excluded.minutes,
            schedule = excluded.schedule, age = excluded.age,
            estimated_s = excluded.estimated_s, warnings = excluded.warnings,
            updated_at = excluded.updated_at
        RETURNING id)");
    upsert.bind(1, name);
    upsert.bind(2, std::string(to_string(request.level)));
    upsert.bind(3, json(names_of(request.constraints)).dump());
    upsert.bind(4, json(names_of(request.equipment)).dump());
    upsert.bind(5, request.minutes);
    upsert.bind(6, schedule_json(request.schedule).dump());
    if (request.age) {
        upsert.bind(7, *request.age);
    } else {
        upsert.bind(7);
    }
    upsert.bind(8, plan.estimated_s);
    upsert.bind(9, json(plan.warnings).dump());
    upsert.bind(10, format_day(today));
    upsert.bind(11, now_s);
    upsert.bind(12, now_s);
    upsert.executeStep();
    const std::int64_t id = upsert.getColumn(0).getInt64();
    upsert.reset();

    SQLite::Statement clear(db, "DELETE FROM routine_items WHERE routine_id = ?");
    clear.bind(1, id);
    clear.exec();
    SQLite::Statement insert(db, R"(
        INSERT INTO routine_items (routine_id, position, exercise, phase, sided, sets, reps, hold_s, rest_s, why)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))");
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
        insert.exec();
        insert.reset();
    }
}

std::optional<SavedRoutine> load_routine(SQLite::Database& db, const std::string& name) {
    SQLite::Statement query(db, R"(
        SELECT id, level, constraints, equipment, minutes, schedule, age, warnings,
               created_day, created_at, updated_at
        FROM routines WHERE name = ?)");
    query.bind(1, name);
    if (!query.executeStep()) return std::nullopt;
    SavedRoutine r;
    r.name = name;
    const std::int64_t id = query.getColumn(0).getInt64();
    r.request.level = parse_level(query.getColumn(1).getString()).value_or(Level::Beginner);
    r.request.constraints.clear();
    for (const auto& c : json::parse(query.getColumn(2).getString()))
        if (auto parsed = parse_constraint(c.get<std::string>())) r.request.constraints.push_back(*parsed);
    r.request.equipment.clear();
    for (const auto& e : json::parse(query.getColumn(3).getString()))
        if (auto parsed = parse_equipment(e.get<std::string>())) r.request.equipment.push_back(*parsed);
    r.request.minutes = query.getColumn(4).getInt();
    r.request.schedule = schedule_from_json(json::parse(query.getColumn(5).getString()));
    if (!query.getColumn(6).isNull()) r.request.age = query.getColumn(6).getInt();
    r.warnings = json::parse(query.getColumn(7).getString()).get<std::vector<std::string>>();
    r.created_day = parse_iso_day(query.getColumn(8).getString()).value_or(Day{});
    r.created_at = Instant{std::chrono::seconds{query.getColumn(9).getInt64()}};
    r.updated_at = Instant{std::chrono::seconds{query.getColumn(10).getInt64()}};

    SQLite::Statement items(db, R"(
        SELECT exercise, phase, sided, sets, reps, hold_s, rest_s, why
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
        r.items.push_back(item);
    }
    return r;
}

std::vector<std::string> routine_names(SQLite::Database& db) {
    std::vector<std::string> names;
    SQLite::Statement query(db, "SELECT name FROM routines ORDER BY name");
    while (query.executeStep()) names.push_back(query.getColumn(0).getString());
    return names;
}

bool remove_routine(SQLite::Database& db, const std::string& name) {
    SQLite::Statement remove(db, "DELETE FROM routines WHERE name = ?");
    remove.bind(1, name);
    return remove.exec() > 0;
}

std::vector<SessionFact> session_facts(SQLite::Database& db, const std::string& name) {
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

std::vector<HoldFact> stretch_holds(SQLite::Database& db, const std::string& name, Day from, Day to) {
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
