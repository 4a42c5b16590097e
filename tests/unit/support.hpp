#pragma once
// Helpers shared by the unit tests.

#include <limber/plan/rules.hpp>

#include <vector>

namespace limber::test {

/// Every subset of the constraints (64), the empty one first.
inline std::vector<std::vector<Constraint>> constraint_subsets() {
    const auto& all = all_constraints();
    std::vector<std::vector<Constraint>> subsets;
    for (unsigned mask = 0; mask < (1u << all.size()); ++mask) {
        std::vector<Constraint> subset;
        for (std::size_t i = 0; i < all.size(); ++i)
            if (mask & (1u << i)) subset.push_back(all[i]);
        subsets.push_back(subset);
    }
    return subsets;
}

}  // namespace limber::test
