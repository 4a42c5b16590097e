#pragma once
// What `start --voice` says, and when: the words are the session's shown texts (titles, cues,
// cautions, the overview) in plain spoken words, laid out ahead on the session's steps so that
// each utterance fits the time until the next one. Pure: the speaking is done elsewhere.

#include <limber/catalog/exercise.hpp>
#include <limber/session/view.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

/// Something to say `at_s` seconds into step `step` (active time: pauses stop it too).
struct Utterance {
    std::size_t step = 0;
    int at_s = 0;
    std::string words;
    int gap_s = 0;  ///< seconds until the next utterance (or the end of the session)
};

/// A shown text in spoken words: "Seated knee extension · left side · rep 2 of 4" becomes
/// "Seated knee extension, left side, rep 2 of 4"; "15 s" "15 seconds"; "9:48" "9 minutes 48
/// seconds"; a caution's "! " and quotes go, "(none)" becomes ", none,".
std::string spoken(std::string_view shown);

/// About how long a synthesizer at its usual rate takes to say `words` (an upper estimate,
/// checked against espeak-ng in the tests).
double speaking_seconds(std::string_view words);

/// Every utterance of a session of `script` that starts at step `first`, in order: `opening`
/// with the first step; each step's title as it starts ("Get ready: March in place", "Switch
/// to the right side", "Rest 10 seconds", the exercise, its side and rep); on a way in, what to
/// do where the position changes; the first cue of each exercise and side, and its cautions;
/// the last 3 seconds of each hold counted down. A part that does not fit before the next
/// utterance moves to the next moment of the same exercise, or is left to the screen.
std::vector<Utterance> voice_timeline(const SessionScript& script, std::size_t first, const std::string& opening);

/// Seconds to get from one position to another once told how: 10 to or from the floor, 5
/// otherwise (a chair, standing up, or into the first position), 0 for none.
int seconds_to_move(std::optional<Position> from, Position to);

/// A spoken session gives each way in (get ready, get into position) from step `first` on
/// the time to say its title (with `opening` on the first step) and what to do where the
/// position changes, and then to do it: at least that long, never shorter than planned.
void lengthen_ways_in(SessionScript& script, std::size_t first, const std::string& opening);

/// The words of step `step` as it starts, whole: its title with the exercise's name, and every
/// cue, caution and position of it (what a skip to it says).
std::string step_words(const SessionScript& script, std::size_t step);

/// What `r` says: the words of step `step` as it started, whole, and the time left.
std::string repeat_words(const SessionScript& script, std::size_t step, long long remaining_s);

/// The end: "Done, 12 of 12 holds, 180 seconds held." or "Stopped, 5 of 12 holds kept."
std::string end_words(bool completed, int holds_done, int holds_total, int held_s);

}  // namespace limber
