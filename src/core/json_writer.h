// JSON written straight into a string, for results written by the hundred thousand (batch): no tree, no copies.
// It writes what nlohmann's compact dump (error handler "replace") writes for the same values, so a line read back
// and dumped again is the same bytes; the caller writes an object's keys in sorted order, as nlohmann's map holds them.
#pragma once

#include <cstdint>      // integers
#include <string>       // the output
#include <string_view>  // keys, strings

#include "money.h"

namespace zengshou::core {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // `name` is plain ASCII (the contract's keys): written as it is.
  JsonWriter& key(std::string_view name);

  void string(std::string_view text);
  void null();
  void boolean(bool value);
  void integer(int64_t value);
  // Yuan as yuan_json makes them: whole yuan an integer, otherwise a decimal with no trailing zero.
  void money(Money amount);
  // A value already written as JSON text (a kept one).
  void raw(std::string_view json);

 private:
  void open(char bracket);
  void close(char bracket);
  void separate();

  std::string& out_;
  bool after_value_ = false;  // a value was written at this level: the next one needs a comma
};

}  // namespace zengshou::core
