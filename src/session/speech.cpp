#include <limber/session/speech.hpp>

#include <limber/catalog/catalog.hpp>
#include <limber/session/engine.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <limits>

namespace limber {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

/// "9" "48" -> "9 minutes 48 seconds"; "0" "45" -> "45 seconds".
std::string clock_words(int minutes, int seconds) {
    std::string words;
    if (minutes > 0) words = fmt::format("{} minute{}", minutes, minutes == 1 ? "" : "s");
    if (seconds > 0 || minutes == 0)
        words += fmt::format("{}{} second{}", words.empty() ? "" : " ", seconds, seconds == 1 ? "" : "s");
    return words;
}

/// Commas and spaces tidied after the replacements: no ", ,", no " ,", no doubled spaces,
/// no comma before a full stop or at the end.
std::string tidy(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        if ((c == ',' || c == '.' || c == '?' || c == ':' || c == ';') && !out.empty() && out.back() == ' ') out.pop_back();
        if (c == ',' && !out.empty() && (out.back() == ',' || out.back() == ':')) continue;
        if ((c == '.' || c == '?') && !out.empty() && out.back() == ',') out.pop_back();
        out += c;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
    return out;
}

/// A whole sentence of spoken words: it ends with a stop, so that the synthesizer pauses.
std::string sentence(std::string_view shown) {
    std::string words = spoken(shown);
    if (!words.empty() && words.back() != '.' && words.back() != '?' && words.back() != '!') words += '.';
    return words;
}

/// What a part says, in the order the parts of one moment are said.
enum class Rank { Opening, Title, Position, SideCue, Cue, Caution };

struct Part {
    std::string words;
    Rank rank = Rank::Title;
    std::string shorter = {};  ///< a title said instead when `words` would not fit
    bool must() const { return rank == Rank::Opening || rank == Rank::Title; }  ///< said even when it does not fit
    bool carry() const { return !must(); }  ///< may wait for the next moment of the same exercise
};

/// The parts said as step `index` starts, in order; `named`: the exercise's name has been
/// said on its way in, so a hold says only its side and rep ("Left side, rep 2 of 4.").
std::vector<Part> start_parts(const SessionScript& script, std::size_t index, bool named = false) {
    const Step& step = script.steps.at(index);
    const Exercise* exercise = exercise_at(script, step);
    std::vector<Part> parts;
    switch (step.kind) {
    case StepKind::GetReady:
    case StepKind::Transition: {
        parts.push_back({sentence(pause_title(script, step)), Rank::Title});
        if (std::string position = position_line(script, index); !position.empty())
            parts.push_back({sentence(position), Rank::Position});
        if (step.item < script.items.size())
            for (const auto& caution : script.items[step.item].cautions) parts.push_back({sentence(caution), Rank::Caution});
        break;
    }
    case StepKind::SwitchSide:
        parts.push_back({sentence(pause_title(script, step)), Rank::Title});
        if (exercise && !exercise->side_cue.empty()) parts.push_back({sentence(exercise->side_cue), Rank::SideCue});
        break;
    case StepKind::Rest: parts.push_back({sentence(fmt::format("Rest {} s", step.seconds)), Rank::Title}); break;
    case StepKind::Hold:
    case StepKind::Reps: {
        const bool first_of_side = step.set == 1 && (step.kind == StepKind::Reps || step.rep == 1);
        std::string title = named ? work_detail(script, step) : work_title(script, step);
        // past the first hold of a side, the side is known: "Rep 2 of 10."
        if (const std::string side = step.side + " side · "; named && !first_of_side && title.starts_with(side))
            title.erase(0, side.size());
        if (title.empty()) title = "Begin";
        title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
        std::string shorter;  // a short hold's first on a side: "Left side."
        if (named && first_of_side && !step.side.empty() && title.size() > step.side.size() + 5)
            shorter = sentence(title.substr(0, step.side.size() + 5));
        parts.push_back({sentence(title), Rank::Title, shorter});
        const bool second_side = step.side == "right";
        // the first cue as the exercise begins; on its second side the side cue says what changes
        if (first_of_side && exercise && !exercise->cues.empty() && !(second_side && !exercise->side_cue.empty()))
            parts.push_back({sentence(exercise->cues.front()), Rank::Cue});
        break;
    }
    }
    return parts;
}

std::string joined(const std::vector<Part>& parts) {
    std::vector<std::string> words;
    for (const auto& part : parts) words.push_back(part.words);
    return join(words, " ");
}

constexpr double k_margin_s = 0.5;  ///< silence kept before the next utterance

}  // namespace

std::string spoken(std::string_view shown) {
    if (shown.starts_with("! ")) shown.remove_prefix(2);
    std::string out;
    for (std::size_t i = 0; i < shown.size();) {
        const char c = shown[i];
        if (shown.substr(i).starts_with(" · ")) {
            out += ", ";
            i += std::string_view(" · ").size();
            continue;
        }
        if (c == '"') {
            ++i;
            continue;
        }
        if (c == '(' || c == ')') {
            out += c == '(' ? " , " : " ,";
            ++i;
            continue;
        }
        if (is_digit(c) && (i == 0 || !is_digit(shown[i - 1]))) {
            std::size_t end = i;
            while (end < shown.size() && is_digit(shown[end])) ++end;
            const std::string number(shown.substr(i, end - i));
            // m:ss
            if (end + 2 < shown.size() && shown[end] == ':' && is_digit(shown[end + 1]) && is_digit(shown[end + 2]) &&
                (end + 3 == shown.size() || !is_digit(shown[end + 3]))) {
                out += clock_words(std::stoi(number), std::stoi(std::string(shown.substr(end + 1, 2))));
                i = end + 3;
                continue;
            }
            // "15 s" as a unit
            if (end + 1 < shown.size() && shown[end] == ' ' && shown[end + 1] == 's' &&
                (end + 2 == shown.size() || !is_alpha(shown[end + 2]))) {
                out += number + (number == "1" ? " second" : " seconds");
                i = end + 2;
                continue;
            }
            out += number;
            i = end;
            continue;
        }
        out += c;
        ++i;
    }
    return tidy(out);
}

double speaking_seconds(std::string_view words) {
    // espeak-ng at its usual 175 words a minute says about 16 characters a second and takes
    // some 0.3 s to start; digits are read out as words, so they count thrice
    double characters = 0;
    for (char c : words) characters += is_digit(c) ? 3 : 1;
    return 0.5 + characters / 14.0;
}

int seconds_to_move(std::optional<Position> from, Position to) {
    if (from && *from == to) return 0;
    if (!from) return 5;
    return is_floor(*from) != is_floor(to) ? 10 : 5;
}

void lengthen_ways_in(SessionScript& script, std::size_t first, const std::string& opening) {
    for (std::size_t i = first; i < script.steps.size(); ++i) {
        const auto way = way_in(script, i);
        if (!way) continue;
        std::vector<Part> parts = start_parts(script, i);
        std::erase_if(parts, [](const Part& p) { return p.rank != Rank::Title && p.rank != Rank::Position; });
        if (i == first && !opening.empty()) parts.insert(parts.begin(), Part{sentence(opening), Rank::Opening});
        const double needed = speaking_seconds(joined(parts)) + k_margin_s + seconds_to_move(way->from, way->to);
        script.steps[i].seconds = std::max(script.steps[i].seconds, static_cast<int>(std::ceil(needed)));
    }
}

std::vector<Utterance> voice_timeline(const SessionScript& script, std::size_t first, const std::string& opening) {
    std::vector<Utterance> timeline;
    std::vector<Part> carried;
    constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
    std::size_t carried_item = none;
    std::size_t named_item = none;  ///< the exercise whose name was said last
    for (std::size_t i = first; i < script.steps.size(); ++i) {
        const Step& step = script.steps[i];
        const bool countdown = step.kind == StepKind::Hold && step.seconds > 3;
        const int budget = countdown ? step.seconds - 3 : step.seconds;
        std::vector<Part> parts = start_parts(script, i, named_item == step.item);
        named_item = step.item;
        if (i == first && !opening.empty()) parts.insert(parts.begin(), Part{sentence(opening), Rank::Opening});
        if (carried_item != step.item) carried.clear();
        // what the last moment could not say joins this one's, in the order of their ranks
        parts.insert(parts.end(), carried.begin(), carried.end());
        std::stable_sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.rank < b.rank; });
        carried.clear();

        std::vector<Part> said;
        bool full = false;
        for (auto part : parts) {
            const auto fits = [&](const std::string& words) {
                return speaking_seconds(joined(said) + " " + words) + k_margin_s <= budget;
            };
            if (!full && part.must() && !part.shorter.empty() && !fits(part.words)) part.words = part.shorter;
            if (!full && (part.must() || fits(part.words))) {
                said.push_back(part);
                continue;
            }
            full = true;  // keep the order: once a part waits, the rest waits behind it
            if (part.carry()) carried.push_back(part);
        }
        carried_item = step.item;
        timeline.push_back(Utterance{i, 0, joined(said), budget});
        if (countdown)
            for (int n = 3; n >= 1; --n) timeline.push_back(Utterance{i, step.seconds - n, std::to_string(n), 1});
    }
    return timeline;
}

std::string step_words(const SessionScript& script, std::size_t step) { return joined(start_parts(script, step)); }

std::string repeat_words(const SessionScript& script, std::size_t step, long long remaining_s) {
    std::string words = step_words(script, step);
    if (remaining_s > 0) words += " " + sentence(fmt::format("{} s left", remaining_s));
    return words;
}

std::string end_words(bool completed, int holds_done, int holds_total, int held_s) {
    if (completed) return sentence(fmt::format("Done · {} of {} holds · {} s held", holds_done, holds_total, held_s));
    return sentence(fmt::format("Stopped · {} of {} holds kept", holds_done, holds_total));
}

}  // namespace limber
