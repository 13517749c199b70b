// JSON written straight into a string, for results written by the hundred thousand (batch): no tree, no copies.
// It writes what nlohmann's compact dump (error handler "replace") writes for the same values, so a line read back
// and dumped again is the same bytes; the caller writes an object's keys in sorted order, as nlohmann's map holds them.
#pragma once

#include <cstdint>      // integers
#include <cstring>      // memcpy
#include <string>       // the output
#include <string_view>  // keys, strings

#include "money.h"

namespace zengshou::core {

// Whether `text` needs no JSON escaping: no quote, backslash or control character. Our own names and reason
// templates are checked with it at compile time, and written with JsonWriter::plain.
constexpr bool json_plain(std::string_view text) {
  for (const char c : text)
    if (const auto b = static_cast<unsigned char>(c); b < 0x20 || b == '"' || b == '\\') return false;
  return true;
}

class JsonWriter {
 public:
  // Appends what it wrote to `out` when it is destroyed. It writes meanwhile into `staging` by pointer, with no
  // check of a string's capacity at each call. A caller writing many results keeps one staging string: its size is
  // the room, never shrunk, so never filled with zeros again.
  explicit JsonWriter(std::string& out) : JsonWriter(out, own_) {}
  JsonWriter(std::string& out, std::string& staging) : out_(out), staging_(staging) {
    at_ = staging_.data();
    end_ = at_ + staging_.size();
  }
  ~JsonWriter() { out_.append(staging_.data(), at_); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // `name` is plain ASCII (the contract's keys): written as it is. Inlined, so a literal's bytes are moved as
  // constants (a result has some nine hundred keys).
  [[gnu::always_inline]] JsonWriter& key(std::string_view name) {
    room(name.size() + 4);
    if (after_value_) *at_++ = ',';
    *at_++ = '"';
    copy(name);
    *at_++ = '"';
    *at_++ = ':';
    after_value_ = false;
    return *this;
  }

  void string(std::string_view text);
  // A string that needs no escaping, written unscanned: one of our own names (an id, a programme's name) or a
  // rendered reason, whose tables and templates are checked with json_plain at compile time.
  void plain(std::string_view text) {
    room(text.size() + 3);
    separate();
    *at_++ = '"';
    copy(text);
    *at_++ = '"';
  }
  void null() { put("null"); }
  void boolean(bool value) { put(value ? std::string_view("true") : std::string_view("false")); }
  void integer(int64_t value);
  // Yuan as yuan_json makes them: whole yuan an integer, otherwise a decimal with no trailing zero.
  void money(Money amount);
  // A value already written as JSON text (a kept one).
  void raw(std::string_view json) { put(json); }

 private:
  // At least `n` bytes free at at_.
  void room(size_t n) {
    if (static_cast<size_t>(end_ - at_) < n) grow(n);
  }
  void grow(size_t n);
  void copy(std::string_view text) {
    std::memcpy(at_, text.data(), text.size());
    at_ += text.size();
  }
  void put(std::string_view value) {
    room(value.size() + 1);
    separate();
    copy(value);
  }
  void open(char bracket) {
    room(2);
    separate();
    *at_++ = bracket;
    after_value_ = false;
  }
  void close(char bracket) {
    room(1);
    *at_++ = bracket;
    after_value_ = true;
  }
  // Writes the comma a value after another needs; room for it is made by the caller.
  void separate() {
    if (after_value_) *at_++ = ',';
    after_value_ = true;
  }

  std::string own_;  // the staging when none is given; declared first, so made before staging_ is used
  std::string& out_;
  std::string& staging_;
  char* at_;                  // where the next byte goes, in staging_
  char* end_;                 // staging_'s end
  bool after_value_ = false;  // a value was written at this level: the next one needs a comma
};

}  // namespace zengshou::core
