// libFuzzer target: the command line as a whole, through limber::run, on a database that holds
// three routines, sessions with and without holds, a skip and a pause.
//
// The input is one argument a line; a line ";" starts the next command (4 at the most); the
// first empty line ends the commands, and what follows is stdin for each of them. A line ''
// is the empty argument; a first line "@tty" makes stdin and stdout terminals.
//
// Every command must end with an exit code of CLI.md (0 to 5), "due" alone using 1, never with
// an internal error, a crash or a sanitizer report; an error is one "limber: error:" line and
// at most one "hint:" line; what --json prints is JSON, and the CSV of history and export
// reads back.
//
// The commands run in a private temporary folder, which is also the working directory while
// they run, on a copy of the seeded database made afresh for every input (so that an input does
// the same each time it runs). Nothing may reach outside it: an input with an argument that holds '/' or
// "..", starts with '~', or is --db is passed over. `start` (it runs a timed session in real
// time) and `remind --notify` (it runs notify-send) are passed over too.
#include "fuzz_check.hpp"

#include <limber/app/app.hpp>
#include <limber/io/csv.hpp>
#include <limber/util/environment.hpp>
#include <limber/util/text.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;
using limber::fuzz::check;

namespace {

constexpr const char* k_now = "2026-11-21T09:00:00Z";  // a Saturday, 10:00 in Berlin
constexpr std::size_t k_max_commands = 4;
constexpr std::size_t k_max_arguments = 40;

struct Folders {
    fs::path root;      ///< the private temporary folder
    fs::path pristine;  ///< the seeded database, out of the commands' reach
    fs::path work;      ///< the working directory while an input runs: a copy of the seeded database
    fs::path started_in;
};

Folders g_folders;

limber::Environment environment(const fs::path& db, const char* now) {
    limber::Environment env;
    env.limber_db = db.string();
    env.home = g_folders.work.string();
    env.tz = "Europe/Berlin";
    env.limber_now = now;
    env.no_color = true;
    return env;
}

struct Outcome {
    int code = 0;
    std::string out;
    std::string err;
};

Outcome run(const std::vector<std::string>& args, const limber::Environment& env, const std::string& input, bool tty) {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    Outcome outcome;
    outcome.code = limber::run(args, env, limber::Streams{in, out, err, tty, tty});
    outcome.out = out.str();
    outcome.err = err.str();
    return outcome;
}

constexpr const char* k_sessions_with_holds = R"([
  {"uuid": "c6460986-8e7f-4d74-b3b2-4e3c65cfbd70", "date": "2026-11-19", "started_at": "2026-11-19T07:00:00Z",
   "ended_at": "2026-11-19T07:08:55Z", "duration_s": 535, "routine": "default", "status": "completed",
   "pain_before": 4, "pain_after": 2, "hold_seconds": 55, "note": "imported", "source": "guided", "zone": "Europe/Berlin",
   "holds": [{"exercise": "seated-hamstring", "side": "left", "rep": 1, "target_s": 26, "held_s": 28},
             {"exercise": "seated-hamstring", "side": "right", "rep": 1, "target_s": 26, "held_s": 27}]},
  {"uuid": "02cd1f29-f308-467f-bfbc-a3a776b39f55", "date": "2026-11-18", "started_at": "2026-11-18T18:51:05Z",
   "ended_at": "2026-11-18T19:00:00Z", "duration_s": 535, "routine": "evening", "status": "partial",
   "pain_before": null, "pain_after": null, "holds": [], "hold_seconds": 0, "note": null, "source": "manual",
   "zone": "America/New_York"}
])";

/// The database every input starts from.
void seed(const fs::path& db) {
    struct Step {
        const char* now;
        std::vector<std::string> args;
        const char* input = "";
    };
    const char* created = "2026-09-01T06:00:00Z";
    const std::vector<Step> steps = {
        {created, {"plan", "--level", "beginner", "--constraint", "back-pain,no-floor"}},
        {created, {"plan", "evening", "--level", "intermediate", "--days", "mon,wed,fri", "--minutes", "15", "--equipment", "strap,chair,wall"}},
        {created, {"plan", "strong", "--level", "advanced", "--per-week", "3", "--age", "70", "--equipment", "none"}},
        {k_now, {"log", "--date", "2026-09-02", "--time", "08:00", "--pain-before", "6", "--pain-after", "5"}},
        {k_now, {"log", "--date", "2026-09-03", "--time", "07:30", "--minutes", "12", "--note", "tight, \"left\" side"}},
        {k_now, {"log", "--date", "2026-09-05", "--partial"}},
        {k_now, {"log", "evening", "--date", "2026-09-07", "--time", "19:00"}},
        {k_now, {"log", "--date", "2026-09-08", "--skip", "--reason", "travel"}},
        {k_now, {"log", "strong", "--date", "2026-10-20", "--time", "01:30", "--minutes", "30"}},
        {k_now, {"pause", "--from", "2026-10-01", "--to", "2026-10-05", "--reason", "flu"}},
        {k_now, {"import", "-"}, k_sessions_with_holds},
        {k_now, {"log", "--date", "yesterday", "--time", "06:15", "--pain-before", "3", "--pain-after", "1"}},
        {k_now, {"log", "--date", "today", "--time", "08:30"}},
    };
    for (const auto& step : steps) {
        const Outcome outcome = run(step.args, environment(db, step.now), step.input, false);
        if (outcome.code != 0) {
            std::fprintf(stderr, "fuzz_cli: seeding the database failed: limber %s: %s\n",
                         limber::join(step.args, " ").c_str(), outcome.err.c_str());
            std::abort();
        }
    }
}

/// The working directory as the seed left it: the database copied afresh, nothing else.
void reset_work() {
    for (const auto& entry : fs::directory_iterator(g_folders.work)) fs::remove_all(entry.path());
    for (const auto& entry : fs::directory_iterator(g_folders.pristine))
        fs::copy_file(entry.path(), g_folders.work / entry.path().filename());
}

void remove_folders() {
    std::error_code ignored;
    fs::remove_all(g_folders.root, ignored);
}

struct Input {
    bool tty = false;
    std::vector<std::vector<std::string>> commands;
    std::string stdin_text;
};

/// An argument that stays inside the working directory and returns at once.
bool allowed(const std::string& arg) {
    if (arg.find('/') != std::string::npos || arg.find("..") != std::string::npos || arg.starts_with('~')) return false;
    const std::string lower = limber::to_lower(arg);
    return lower != "start" && !lower.starts_with("--db") && !lower.starts_with("--notify");
}

/// The commands of an input, or false when it is to be passed over.
bool parse(std::string_view text, Input& input) {
    input.commands.emplace_back();
    bool first = true;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string line(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (line.empty()) {
            input.stdin_text = std::string(text);
            break;
        }
        if (first && line == "@tty") {
            input.tty = true;
        } else if (line == ";") {
            if (input.commands.size() == k_max_commands) return false;
            input.commands.emplace_back();
        } else {
            line = line.substr(0, line.find('\0'));  // what a real argv would hold
            if (line == "''") line.clear();
            if (!allowed(line) || input.commands.back().size() == k_max_arguments) return false;
            input.commands.back().push_back(std::move(line));
        }
        first = false;
    }
    return true;
}

/// The command word: the first argument that is neither an option nor the value of --tz or --color
/// (the global options that take a value; --db is never given), or "" when there is none.
std::string command_of(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--tz" || args[i] == "--color") {
            ++i;
        } else if (!args[i].starts_with('-')) {
            return args[i];
        }
    }
    return {};
}

/// `flag` given as a flag: not the value of the option before it ('log --note --json' stores the
/// note "--json", as getopt would).
bool has_flag(const std::vector<std::string>& args, std::string_view flag) {
    static const std::set<std::string, std::less<>> flags = {
        "--continue", "--csv",    "--cues",  "--daily",   "--dry-run", "--explain", "--json", "--no-bell", "--no-prompt",
        "--notify",   "--partial", "--skip", "-q",        "--quiet",   "-y",        "--yes",  "-h",        "--help"};
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] != flag) continue;
        const bool after_option = i > 0 && args[i - 1].starts_with('-') && args[i - 1].find('=') == std::string::npos &&
                                  !flags.contains(args[i - 1]);
        if (!after_option) return true;
    }
    return false;
}

/// An argument equal to `word` in any case (option values such as --format json are words of any case).
bool has_word(const std::vector<std::string>& args, std::string_view word) {
    return std::any_of(args.begin(), args.end(), [&](const std::string& a) { return limber::to_lower(a) == word; });
}

bool has_prefix(const std::vector<std::string>& args, std::string_view prefix) {
    return std::any_of(args.begin(), args.end(), [&](const std::string& a) { return a.starts_with(prefix); });
}

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        lines.push_back(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    return lines;
}

void check_outcome(const std::vector<std::string>& args, const Outcome& o) {
    const std::string context = "limber " + limber::join(args, " ") + " -> exit " + std::to_string(o.code) + "\n" + o.err;
    const auto fail_unless = [&](bool ok, std::string_view what) { check(ok, std::string(what) + ": " + context); };
    fail_unless(o.code >= 0 && o.code <= 5, "an exit code of CLI.md");
    fail_unless(!o.err.starts_with("limber: error: internal error"), "no internal error");
    if (o.code == 1) fail_unless(command_of(args) == "due" && o.err.empty(), "exit 1 is due's silent 'nothing is due'");
    if (o.code == 5) {  // a safety stop (R27): the advice on stdout, never an error; its JSON with --json
        fail_unless(!o.out.empty() && o.out.back() == '\n', "a safety stop prints its advice, ending its line");
        fail_unless(o.err.find("limber: error: ") == std::string::npos, "a safety stop is advice, not an error");
        if (has_flag(args, "--json")) fail_unless(nlohmann::json::accept(o.out), "a safety stop's --json is one JSON document");
        return;
    }
    if (o.code >= 2) {
        const auto lines = lines_of(o.err);
        fail_unless(!o.err.empty() && o.err.back() == '\n', "an error ends its line");
        fail_unless(lines.size() == 1 || lines.size() == 2, "an error is one line and at most one hint");
        fail_unless(!lines.empty() && lines[0].starts_with("limber: error: "), "an error starts 'limber: error: '");
        fail_unless(lines.size() < 2 || lines[1].starts_with("hint: "), "the second line is a hint");
    }
    if (o.code != 0) return;
    // what is asked for is printed as it was asked for; help ("-h" may hide in "-qh") and the
    // version print their own texts, and -o sends the export to a file
    const bool help = o.out.find("Usage: limber") != std::string::npos || o.out.starts_with("limber ");
    if (help || has_prefix(args, "-o") || has_prefix(args, "--output")) return;
    const bool exporting = command_of(args) == "export";
    const bool json = has_flag(args, "--json") || (exporting && (has_word(args, "json") || has_word(args, "--format=json")));
    if (json) {
        fail_unless(nlohmann::json::accept(o.out), "--json prints one JSON document");
    } else if (has_flag(args, "--csv") || exporting) {
        limber::CsvReader reader(o.out);
        std::vector<std::string> header;
        std::vector<std::string> row;
        try {
            fail_unless(reader.next(header), "the CSV has a header");
            while (reader.next(row)) fail_unless(row.size() == header.size(), "every CSV row has the header's columns");
        } catch (const limber::CsvError& e) {
            fail_unless(false, std::string("the CSV printed reads back: ") + e.what());
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    // libFuzzer writes crash reports to the working directory unless told otherwise; while an
    // input runs that is the temporary folder, so they are sent to the directory we started in
    static std::vector<std::string> storage;
    static std::vector<char*> args(*argv, *argv + *argc);
    const bool told = std::any_of(args.begin(), args.end(), [](const char* a) {
        return std::string_view(a).starts_with("-artifact_prefix=") || std::string_view(a).starts_with("-exact_artifact_path=");
    });
    if (!told) {
        storage.push_back("-artifact_prefix=" + (fs::current_path() / "").string());
        args.insert(args.begin() + 1, storage.back().data());
        args.push_back(nullptr);
        *argc = static_cast<int>(args.size()) - 1;
        *argv = args.data();
    }

    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/limber-fuzz-cli.XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        std::perror("fuzz_cli: mkdtemp");
        std::abort();
    }
    g_folders.root = pattern;
    g_folders.pristine = g_folders.root / "pristine";
    g_folders.work = g_folders.root / "work";
    g_folders.started_in = fs::current_path();
    fs::create_directory(g_folders.pristine);
    fs::create_directory(g_folders.work);
    std::atexit(remove_folders);
    fs::current_path(g_folders.work);
    seed(g_folders.pristine / "limber.db");
    fs::current_path(g_folders.started_in);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Input input;
    if (!parse(std::string_view(reinterpret_cast<const char*>(data), size), input)) return -1;  // not kept in the corpus
    reset_work();
    // relative paths of the commands (backup, export -o, import) land in the temporary folder;
    // libFuzzer's own files (the corpus) are written between inputs, from where it started
    fs::current_path(g_folders.work);
    const limber::Environment env = environment(g_folders.work / "limber.db", k_now);
    static const bool trace = std::getenv("LIMBER_FUZZ_TRACE") != nullptr;
    for (const auto& args : input.commands) {
        const Outcome outcome = run(args, env, input.stdin_text, input.tty);
        if (trace)
            std::fprintf(stderr, "limber %s -> exit %d\n%s%s", limber::join(args, " ").c_str(), outcome.code,
                         outcome.out.c_str(), outcome.err.c_str());
        check_outcome(args, outcome);
    }
    fs::current_path(g_folders.started_in);
    return 0;
}
