#pragma once
// The built-in exercise library, drawn from the seed articles (DOMAIN.md "The library").

#include <limber/catalog/exercise.hpp>

#include <string_view>
#include <vector>

namespace limber {

/// All exercises of the library, in a stable order (warm-ups, hamstring stretches, other
/// stretches, release, strength). Built once; the reference stays valid for the program's life.
const std::vector<Exercise>& library();

/// The exercise with this id, or nullptr.
const Exercise* find_exercise(std::string_view id);

}  // namespace limber
