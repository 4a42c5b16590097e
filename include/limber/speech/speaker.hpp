#pragma once
// The voice of `start --voice`: which program speaks (LIMBER_SPEAK, speech-dispatcher's spd-say
// when the daemon runs, espeak-ng), and a speaker that says words off the caller's thread, one
// child process at a time, so that a slow, hanging or failing program loses words, never the
// timer's seconds, and no child outlives the session.

#include <limber/util/environment.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace limber::speech {

/// A program that says words.
struct Backend {
    std::string name;               ///< "LIMBER_SPEAK", "speech-dispatcher" or "espeak-ng"
    std::vector<std::string> argv;  ///< the program (a full path) and its arguments
    bool words_on_stdin = false;    ///< the words on standard input; else as the last argument
};

/// The program to speak with: $LIMBER_SPEAK (run by /bin/sh -c, the words on its standard
/// input) when set and not empty; else spd-say when speech-dispatcher is running (its socket
/// answers), so that a screen reader shares the audio; else espeak-ng; else spd-say, which
/// starts the daemon itself. None when there is nothing to speak with.
std::optional<Backend> find_backend(const Environment& env);

/// The full path of `program` on `path` (a $PATH), when it is there and executable.
std::optional<std::string> find_program(const std::string& program, const std::optional<std::string>& path);

using Millis = std::chrono::milliseconds;

/// Says words through a Backend on a thread of its own. One utterance is spoken at a time; of
/// those that wait, the newest wins, and one whose moment has passed is dropped.
class Speaker {
public:
    explicit Speaker(Backend backend);
    ~Speaker();  ///< finish(0): stops at once
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    /// Says `words` when the voice is free, unless newer words come first or `valid_for` has
    /// passed by then. Never waits.
    void say(std::string words, Millis valid_for);
    /// As say(), but after the words still waiting (joined to them) instead of in their place:
    /// for what must not silence what came before it, such as a question after the session's
    /// last words.
    void say_after(std::string words, Millis valid_for);
    /// Drops what waits and stops what is being said.
    void hush();
    /// Lets what is asked be said, for `grace` at most (or until `wake_fd`, when >= 0, is
    /// readable: a signal came), then stops the program still speaking and ends the thread.
    /// Nothing is said after it.
    void finish(Millis grace, int wake_fd = -1);

    const Backend& backend() const { return m_backend; }
    /// How many utterances the program failed to say (it could not start, or exited with a
    /// status other than 0), and the last failure in words ("exit status 1").
    int failures() const;
    std::string last_failure() const;

    /// The longest one utterance may take before its program is stopped, so that one that
    /// hangs silences only itself.
    static constexpr Millis longest{20000};

private:
    struct Pending {
        std::string words;
        std::chrono::steady_clock::time_point until;
    };
    void work();
    void speak(const Pending& pending, std::unique_lock<std::mutex>& lock);

    Backend m_backend;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Pending> m_pending;
    bool m_speaking = false;
    bool m_hush = false;
    bool m_closed = false;    ///< finish() began: nothing new is taken
    bool m_stopping = false;  ///< the thread ends, stopping what speaks
    int m_failures = 0;
    std::string m_last_failure;
    std::thread m_thread;
};

}  // namespace limber::speech
