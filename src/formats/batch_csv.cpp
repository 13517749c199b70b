#include "batch_csv.h"

#include <charconv>  // numbers

#include "csv_write.h"

namespace zengshou::formats {

using namespace core;

std::string batch_csv_header() {
  std::string out =
      "household,policy,year,size,wage,production,production_cost,property,transfer,net,per_capita_net,"
      "cash_received";
  for (const std::string_view line : line_names) {
    out += ",line_";
    out += line;
    out += ",gap_";
    out += line;
  }
  out += ",flags,monitoring";
  for (const ProgrammeInfo& p : programme_infos) {
    out += ',';
    out += p.id;
  }
  return out + "\r\n";
}

void append_batch_csv_row(std::string& out, const Result& r, const MonitoringAssessment& monitoring) {
  // Amounts and numbers are appended with no string made: a row is written a million times.
  const auto money = [&](Money m) {
    out += ',';
    m.append_yuan_text(out);
  };
  const auto number = [&](int64_t n) {
    char digits[24];
    out += ',';
    out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
  };
  out += csv_cell(r.household);
  out += ',';
  out += r.policy;
  number(r.year);
  number(r.size);
  const Income& in = r.income;
  for (const Money m : {in.wage, in.production, in.production_cost, in.property, in.transfer, in.net, in.per_capita_net,
                        in.cash_received})
    money(m);
  for (size_t id = 0; id < line_names.size(); ++id) {
    const LineResult* found = nullptr;
    for (const LineResult& l : r.lines)
      if (static_cast<size_t>(l.id) == id) found = &l;
    if (found == nullptr) {
      out += ",,";
    } else {
      money(found->value);
      money(found->per_capita_gap);
    }
  }
  out += ',';
  for (size_t i = 0; i < r.flags.size(); ++i) {
    if (i > 0) out += ';';
    out += flag_names[static_cast<size_t>(r.flags[i].id)];
  }
  out += ',';
  out += monitoring_verdict_names[static_cast<size_t>(monitoring.verdict)];
  for (const ProgrammeResult& p : r.programmes) {
    out += ',';
    if (p.available) p.amount.append_yuan_text(out);
  }
  out += "\r\n";
}

}  // namespace zengshou::formats
