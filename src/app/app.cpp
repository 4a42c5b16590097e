#include <limber/app/app.hpp>

#include <limber/app/commands.hpp>
#include <limber/app/context.hpp>
#include <limber/time/zone.hpp>
#include <limber/util/error.hpp>
#include <limber/util/text.hpp>
#include <limber/version.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <iostream>
#include <unistd.h>

namespace limber {

const std::vector<CommandSpec>& command_specs() {
    static const std::vector<CommandSpec> specs = {
        {"plan", register_plan},
        {"start", register_start},
        {"log", register_log},
        {"history", register_history},
        {"edit", register_edit},
        {"rm", register_rm},
        {"pause", register_pause},
        {"stats", register_stats},
        {"report", register_report},
        {"export", register_export},
        {"import", register_import},
        {"backup", register_backup},
        {"due", register_due},
        {"remind", register_remind},
        {"flag", register_flag},
        {"exercises", register_exercises},
        {"config", register_config},
    };
    return specs;
}

void refuse_parent_options(const CLI::App& command, const std::vector<const CLI::App*>& subcommands,
                           const std::vector<const CLI::Option*>& options, std::string_view purpose) {
    for (const auto* sub : subcommands) {
        if (!sub->parsed()) continue;
        for (const auto* option : options)
            if (option->count() > 0)
                throw UsageError(fmt::format("{} is for {}; 'limber {} {}' does not take it", option->get_name(), purpose,
                                             command.get_name(), sub->get_name()));
    }
}

namespace {

constexpr const char* k_footer = R"(Run 'limber' alone for today at a glance, 'limber COMMAND --help' for the options of a command.
Exit codes: 0 success, 1 nothing due (due) or internal error, 2 usage error,
3 not found, 4 storage error, 5 safety stop (a red-flag symptom).
Environment: LIMBER_DB, XDG_DATA_HOME, TZ, LIMBER_NOW, NO_COLOR, LIMBER_SPEAK.)";

/// The command word of the arguments (the first that is not a global option or its value),
/// or empty when there is none or help/version was asked for first.
std::string command_word(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--db" || arg == "--tz" || arg == "--color") {
            ++i;  // skip its value
            continue;
        }
        if (arg == "--db=" || arg == "--tz=" || arg == "--color=")
            throw UsageError(fmt::format("{} needs a value after '='", arg.substr(0, arg.size() - 1)));
        if (arg.starts_with("--db=") || arg.starts_with("--tz=") || arg.starts_with("--color=") ||
            arg == "-q" || arg == "--quiet")
            continue;
        if (arg.starts_with("-")) return {};  // --help, --version, or an option CLI11 will judge
        return arg;
    }
    return {};
}

void check_command_word(const std::string& word) {
    if (word.empty()) return;
    std::vector<std::string> names;
    for (const auto& spec : command_specs()) names.emplace_back(spec.name);
    if (std::find(names.begin(), names.end(), word) != names.end()) return;
    const std::string suggestion = nearest(word, names);
    throw UsageError(fmt::format("unknown command {}", quote(word)),
                     suggestion.empty() ? "'limber --help' lists the commands"
                                        : fmt::format("did you mean '{}'?", suggestion));
}

CLI::Validator color_validator() {
    return CLI::Validator(
        [](std::string& value) -> std::string {
            if (value == "auto" || value == "always" || value == "never") return {};
            return fmt::format("{} is not allowed; use auto, always or never", quote(value));
        },
        "auto|always|never");
}

void report(std::ostream& err, const std::string& message, const std::string& hint) {
    err << "limber: error: " << message << '\n';
    if (!hint.empty()) err << "hint: " << hint << '\n';
}

CLI::Validator zone_validator() {
    return CLI::Validator(
        [](std::string& value) -> std::string {
            try {
                resolve_zone(value, std::nullopt);
                return {};
            } catch (const UsageError&) {
                return fmt::format("{} is not a time zone; use an IANA name such as Europe/London", quote(value));
            }
        },
        "ZONE");
}

/// CLI11's messages start with a capital and may carry the user's raw bytes; make them ours.
std::string parse_error_message(const CLI::ParseError& e) {
    std::string message;
    for (char c : std::string(e.what())) {
        const auto u = static_cast<unsigned char>(c);
        message += (u < 0x20 || u == 0x7f) ? fmt::format("\\x{:02x}", u) : std::string(1, c);
    }
    // CLI11 2.1 lists unexpected arguments last-first; put them back in the order typed
    if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
        if (const auto colon = message.find(": "); colon != std::string::npos) {
            auto words = split(message.substr(colon + 2), ' ');
            std::reverse(words.begin(), words.end());
            message = message.substr(0, colon + 2) + join(words, " ");
        }
    }
    if (!message.empty() && std::isupper(static_cast<unsigned char>(message[0])) &&
        !(message.size() > 1 && std::isupper(static_cast<unsigned char>(message[1]))))
        message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    return message;
}

}  // namespace

int run(const std::vector<std::string>& args, const Environment& env, Streams streams) {
    Context context(env, streams);
    std::ostream& out = streams.out;
    std::ostream& err = streams.err;
    CLI::App app("limber — plan, guide and track hamstring stretching for lower back pain", "limber");
    app.fallthrough();  // global options after the command reach the main app
    // a repeated single-valued option takes its last value, as in git (inherited by every command)
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.footer(k_footer);
    app.set_version_flag("--version", fmt::format("limber {}", k_version), "Print the version and exit");
    GlobalOptions& global = context.options();
    app.add_option("--db", global.db, "Database file (default: $LIMBER_DB, then $XDG_DATA_HOME/limber/limber.db)")
        ->type_name("PATH");
    app.add_option("--tz", global.tz, "IANA time zone (default: $TZ, then the system zone)")
        ->type_name("ZONE")
        ->check(zone_validator());
    app.add_option("--color", global.color, "Colour: auto (a terminal without NO_COLOR), always or never")
        ->type_name("WHEN")
        ->check(color_validator());
    app.add_flag("-q,--quiet", global.quiet, "Print only results, no chatter");
    for (const auto& spec : command_specs()) spec.add(app, context);
    // one command a run: CLI11 would otherwise also run a command named among the arguments of
    // another ('limber backup b.db import x' backed up, then failed)
    app.require_subcommand(0, 1);
    for (auto* command : app.get_subcommands([](CLI::App*) { return true; }))
        command->require_subcommand(command->get_require_subcommand_min(), 1);

    std::string command;
    try {
        command = command_word(args);
        check_command_word(command);
        std::vector<const char*> argv = {"limber"};
        for (const auto& arg : args) argv.push_back(arg.c_str());
        app.parse(static_cast<int>(argv.size()), argv.data());
        if (app.get_subcommands().empty()) show_today(context);  // no command: today at a glance
        out.flush();
        return context.exit_code();
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion&) {
        out << "limber " << k_version << '\n';
        return 0;
    } catch (const CLI::ParseError& e) {
        report(err, parse_error_message(e),
               command.empty() ? "'limber --help' lists the options"
                               : fmt::format("'limber {} --help' lists its options", command));
        return static_cast<int>(ExitCode::Usage);
    } catch (const Error& e) {
        report(err, e.what(), e.hint());
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        if (const auto failure = database_failure(e)) {
            const std::string file = context.store_is_open() ? context.db_path().string() : "(database)";
            report(err, fmt::format("database {}: {}", file, failure->message), failure->hint);
            return static_cast<int>(ExitCode::Storage);
        }
        report(err, fmt::format("internal error: {}", e.what()), "");
        return static_cast<int>(ExitCode::Internal);
    }
}

int run(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    const int code = run(args, Environment::from_process(),
                         Streams{std::cin, std::cout, std::cerr, ::isatty(STDIN_FILENO) == 1, ::isatty(STDOUT_FILENO) == 1});
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "limber: error: cannot write the output: " << std::strerror(errno) << '\n';
        return code == 0 ? static_cast<int>(ExitCode::Internal) : code;
    }
    return code;
}

}  // namespace limber
