#pragma once
// The exercise object of CLI.md as JSON.

#include <limber/catalog/exercise.hpp>

#include <nlohmann/json.hpp>

namespace limber {

/// Every field of CLI.md's exercise object, plus `side_cue`.
nlohmann::ordered_json exercise_to_json(const Exercise& exercise);

}  // namespace limber
