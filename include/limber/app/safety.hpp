#pragma once
// R27 at the command line: the --symptom values, reporting symptoms (assess, record, print the
// stop) and the suspension of the routines, shared by plan, flag, start, due, remind and stats.

#include <limber/app/context.hpp>
#include <limber/plan/red_flags.hpp>
#include <limber/store/flags.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace limber {

/// The symptoms named by comma-separated `values` (lower case accepted), without repeats; the
/// pieces that name none go to `unknown`.
std::vector<Symptom> symptoms_of(const std::vector<std::string>& values, std::vector<std::string>& unknown);

/// The type name of a --symptom value in --help: every symptom, most pressing tier first,
/// "saddle-numbness|…|weakened-immunity[,...]".
std::string symptom_type_name();

/// UsageError naming the first unknown symptom and the names of the three tiers; nothing when none.
void refuse_unknown_symptoms(const std::vector<std::string>& unknown, std::string_view option);

/// Stores what `call` found as flags of `day`: those that stop, and those that only warn.
/// Call inside a write transaction.
void record_flags(Context& context, const SafetyCall& call, FlagSource source, Day day);

/// Says what `call` found: a stop is printed — the advice, or its JSON with `json` — and the
/// exit code set to 5; the warning for lasting conditions cleared before goes to stderr. Returns
/// whether it stopped.
bool announce(Context& context, const SafetyCall& call, Day day, bool recorded, bool json);

/// Reports what `call` found for `day` (R27): stored (not with `dry_run`) in one transaction,
/// then announced. Returns whether it stopped.
bool report_call(Context& context, const SafetyCall& call, FlagSource source, Day day, bool dry_run, bool json);

/// report_call of the symptoms, assessed against the flags recorded.
bool report_symptoms(Context& context, const std::vector<Symptom>& symptoms, FlagSource source, Day day, bool dry_run,
                     bool json);

/// Why every routine is suspended now, in words; "" when none is.
std::string suspension_now(Context& context);

}  // namespace limber
