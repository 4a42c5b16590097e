// limber remind [NAME] [--notify]
// limber remind --crontab HH:MM [NAME] [--notify]
#include <limber/app/commands.hpp>
#include <limber/app/routine_lookup.hpp>
#include <limber/app/today.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>

#include <fmt/format.h>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <ostream>

namespace fs = std::filesystem;

namespace limber {

namespace {

/// "Stretch today: routine "default", about 9 min. Keep your 5-day streak going."; while
/// progression is stopped, the advice first and no streak: "Progression is stopped: … See a
/// physiotherapist or doctor before going on. If you stretch today, gently: routine "default", about 9 min."
std::string reminder(const Today& t) {
    const int minutes = std::max(1, (t.estimated_s + 30) / 60);
    const std::string strength = t.strength_today ? " with strength work" : "";  // R23
    std::string line;
    if (!t.stop_advice.empty())  // R25: the advice instead of the streak
        line = fmt::format("{} If you stretch today, gently: routine \"{}\", about {} min{}.", t.stop_advice, t.routine.name,
                           minutes, strength);
    else if (t.streak > 0)
        line = fmt::format("Stretch today: routine \"{}\", about {} min{}. Keep your {}-{} streak going.",
                           t.routine.name, minutes, strength, t.streak, t.streak_in_weeks ? "week" : "day");
    else
        line = fmt::format("Stretch today: routine \"{}\", about {} min{}. Start a streak with 'limber start'.",
                           t.routine.name, minutes, strength);
    if (t.review_due)  // R26
        line += fmt::format(" It is time to review this routine for a fresh strain: if {} are pain-free, plan again "
                            "with {}.",
                            strain_review_test(t.routine.request), strain_review_option(t.routine.request));
    return line;
}

/// The directory of PATH holding an executable `name`, or "" when none does.
std::string find_in_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    for (const auto& folder : split(path ? path : "", ':')) {
        const fs::path candidate = fs::path(folder.empty() ? "." : folder) / name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    return {};
}

/// Runs notify-send with the reminder; false when it is not installed or fails.
bool notify(const std::string& program, const std::string& text) {
    const pid_t pid = ::fork();
    if (pid < 0) return false;
    if (pid == 0) {
        const char* argv[] = {program.c_str(), "--app-name=limber", "limber", text.c_str(), nullptr};
        ::execv(program.c_str(), const_cast<char* const*>(argv));
        ::_exit(127);
    }
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/// A word for a crontab command line: quoted for the shell when needed, and with '%' escaped
/// (cron turns an unescaped '%' into a newline).
std::string cron_word(const std::string& word) {
    const bool plain = !word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                               "0123456789-_./:=+,@") == std::string::npos;
    std::string out = plain ? word : "'";
    if (!plain) {
        for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        out += '\'';
    }
    std::string escaped;
    for (char c : out) escaped += c == '%' ? std::string("\\%") : std::string(1, c);
    return escaped;
}

struct RemindOptions {
    std::string name;
    bool notify = false;
    std::optional<std::string> crontab;
};

void run_crontab(const RemindOptions& o, Context& context) {
    const TimeOfDay at = parse_time_of_day(*o.crontab, "--crontab");
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    if (error) throw StorageError("cannot tell where the limber binary is (/proc/self/exe)");
    std::vector<std::string> words = {self.string()};
    // cron sets HOME but neither LIMBER_DB nor XDG_DATA_HOME: name the database when those chose it.
    if (context.options().db || context.env().limber_db || context.env().xdg_data_home) {
        words.push_back("--db");
        words.push_back(fs::absolute(context.db_path()).lexically_normal().string());
    }
    if (context.options().tz || context.env().tz) {
        words.push_back("--tz");
        words.push_back(context.zone().name());
    }
    words.push_back("remind");
    if (!o.name.empty()) words.push_back(o.name);
    if (o.notify) words.push_back("--notify");
    std::string line = fmt::format("{} {} * * *", at.count() % 60, at.count() / 60);
    for (const auto& w : words) line += " " + cron_word(w);
    context.out() << line << '\n';
}

void run_remind(const RemindOptions& o, Context& context) {
    if (o.crontab) return run_crontab(o, context);
    const Today t = look_at_today(o.name, context);
    if (!t.due) return;
    const std::string text = reminder(t);
    context.out() << text << '\n';
    if (!o.notify) return;
    const std::string program = find_in_path("notify-send");
    if (program.empty()) {
        context.err() << "limber: warning: notify-send is not installed (Debian: libnotify-bin); the reminder is on stdout only\n";
    } else if (!notify(program, text)) {
        context.err() << "limber: warning: notify-send could not show the reminder (no desktop session?); it is on stdout only\n";
    }
}

}  // namespace

void register_remind(CLI::App& app, Context& context) {
    auto o = std::make_shared<RemindOptions>();
    auto* command = app.add_subcommand("remind", "Print a one-line reminder when a session is due today (for cron)");
    add_routine_name_option(*command, o->name);
    command->add_flag("--notify", o->notify, "Also show it as a desktop notification (notify-send)");
    command->add_option("--crontab", o->crontab, "Print the crontab line that runs this reminder daily at HH:MM")
        ->type_name("HH:MM");
    command->callback([o, &context] { run_remind(*o, context); });
}

}  // namespace limber
