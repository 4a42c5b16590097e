// What `limber start --voice` would say in this week's session of a saved routine, and when:
// one line per utterance, "SECONDS<TAB>GAP<TAB>WORDS" (seconds from the session's start, and
// the seconds until the next utterance), the end's words last. tests/voice/check_espeak.sh
// renders each with espeak-ng and checks that it fits its gap.
// usage: limber_voice_timeline DB ROUTINE
#include <limber/app/context.hpp>
#include <limber/app/routine_lookup.hpp>
#include <limber/session/guide.hpp>
#include <limber/session/speech.hpp>

#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    using namespace limber;
    if (argc != 3) {
        std::cerr << "usage: limber_voice_timeline DB ROUTINE\n";
        return 2;
    }
    try {
    Environment env = Environment::from_process();
    env.limber_db = argv[1];
    std::istringstream in;
    Context context(env, Streams{in, std::cout, std::cerr, false, false});
    const SavedRoutine routine = load_or_not_found(context, argv[2]);
    SessionScript script = script_for(view_this_week(routine, context), 0, -1);
    script.spoken = true;
    const int holds = hold_count(script.steps);
    lengthen_ways_in(script, 0, overview_line(script, 0, holds, false));
    std::vector<int> step_start;
    int at = 0;
    for (const auto& step : script.steps) {
        step_start.push_back(at);
        at += step.seconds;
    }
    for (const auto& u : voice_timeline(script, 0, overview_line(script, 0, holds, false)))
        std::cout << step_start[u.step] + u.at_s << '\t' << u.gap_s << '\t' << u.words << '\n';
    int held = 0;
    for (const auto& step : script.steps)
        if (step.kind == StepKind::Hold || step.kind == StepKind::Reps) held += step.seconds;
    std::cout << at << '\t' << 10 << '\t' << end_words(true, holds, holds, held) << '\n';
    return 0;
    } catch (const std::exception& e) {
        std::cerr << "limber_voice_timeline: " << e.what() << '\n';
        return 1;
    }
}
