#pragma once
// What the export and import documents of CLI.md share: their formats and the holds columns.

#include <string>
#include <string_view>
#include <vector>

namespace limber {

enum class TransferFormat { Csv, Json };
enum class ExportWhat { Sessions, Holds };

/// The format an option names: "csv" or "json", in any case; UsageError naming `option` otherwise.
TransferFormat transfer_format(std::string_view value, std::string_view option);

/// The holds CSV columns of CLI.md, in order.
const std::vector<std::string>& hold_csv_columns();

}  // namespace limber
