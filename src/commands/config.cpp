// limber config list [--json] | get KEY | set KEY VALUE | unset KEY
#include <limber/app/commands.hpp>
#include <limber/store/settings.hpp>
#include <limber/util/error.hpp>

#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>

namespace limber {

namespace {

struct ConfigOptions {
    std::string key;
    std::string value;
    bool json = false;
};

void config_list(const ConfigOptions& options, Context& context) {
    const Settings& settings = context.settings();
    if (options.json) {
        nlohmann::ordered_json object = nlohmann::ordered_json::object();
        for (const auto& key : setting_keys()) object[key] = setting_value(settings, key);
        context.out() << object.dump(2) << '\n';
        return;
    }
    for (const auto& key : setting_keys())
        context.out() << key << '=' << setting_value(settings, key) << '\n';
}

void config_get(const ConfigOptions& options, Context& context) {
    check_setting_key(options.key);  // an unknown key fails before the database is opened
    const std::string value = setting_value(context.settings(), options.key);
    if (!value.empty()) context.out() << value << '\n';
}

void config_set(const ConfigOptions& options, Context& context) {
    const std::string value = normalize_setting(options.key, options.value);  // before any write
    Store& store = context.store();
    WriteTransaction transaction(store);
    store_setting(store, options.key, value);
    transaction.commit();
}

void config_unset(const ConfigOptions& options, Context& context) {
    check_setting_key(options.key);
    Store& store = context.store();
    WriteTransaction transaction(store);
    remove_setting(store, options.key);
    transaction.commit();
}

}  // namespace

void register_config(CLI::App& app, Context& context) {
    auto options = std::make_shared<ConfigOptions>();
    auto* command = app.add_subcommand("config", "Read and change settings (day_start, week_start, default_routine, voice)");
    command->require_subcommand(1);

    auto* list = command->add_subcommand("list", "Print every setting as key=value");
    list->add_flag("--json", options->json, "Print one JSON object");
    list->callback([options, &context] { config_list(*options, context); });

    auto* get = command->add_subcommand("get", "Print one setting's value");
    get->add_option("KEY", options->key, "day_start, week_start, default_routine or voice")->required();
    get->callback([options, &context] { config_get(*options, context); });

    auto* set = command->add_subcommand("set", "Change one setting");
    set->add_option("KEY", options->key, "day_start, week_start, default_routine or voice")->required();
    set->add_option("VALUE", options->value,
                    "day_start HH:MM; week_start monday|sunday; default_routine NAME; voice on|off")
        ->required();
    set->callback([options, &context] { config_set(*options, context); });

    auto* unset = command->add_subcommand("unset", "Return one setting to its default");
    unset->add_option("KEY", options->key, "day_start, week_start, default_routine or voice")->required();
    unset->callback([options, &context] { config_unset(*options, context); });
}

}  // namespace limber
