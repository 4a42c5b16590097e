#pragma once
// Red flags and their clearances (R27): what `plan --symptom`, `flag add` and `start` record,
// and what suspends the routines until `flag clear`.

#include <limber/plan/red_flags.hpp>
#include <limber/time/clock.hpp>
#include <limber/time/dates.hpp>

#include <limber/store/store.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace limber {

/// Where a flag was reported.
enum class FlagSource { Plan, Flag, Start };
std::string_view to_string(FlagSource source);  ///< plan, flag, start (as stored)

struct StoredFlag {
    std::int64_t id = 0;
    Symptom symptom = Symptom::Fever;
    Day day;
    Instant recorded_at;
    FlagSource source = FlagSource::Flag;
    bool stops = true;
    std::optional<std::int64_t> cleared_by;  ///< the clearance that cleared it
};

struct Clearance {
    std::int64_t id = 0;
    Day day;
    Instant recorded_at;
    std::string note;  ///< "" = none
};

/// Records a flag; returns its id. Call inside a write transaction.
std::int64_t insert_flag(Store& store, const StoredFlag& flag);

/// Every flag, oldest first.
std::vector<StoredFlag> list_flags(Store& store);

/// Every clearance, oldest first.
std::vector<Clearance> list_clearances(Store& store);

/// Records a clearance and clears every flag in force; returns its id and how many it cleared.
/// Call inside a write transaction.
struct Cleared {
    std::int64_t id = 0;
    int flags = 0;
};
Cleared clear_flags(Store& store, const Clearance& clearance);

/// The flags as the rules of R27 read them.
std::vector<FlagRecord> flag_records(Store& store);

}  // namespace limber
