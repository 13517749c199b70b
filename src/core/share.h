// A share link's content: a household with its policy and year, and the reform in force. The page compresses it
// into the URL fragment, which browsers never send to a server.
//
// Written as "zengshou.share/2", made to be short (a link to type into a phone or hold in a QR code): the
// household's fields at their defaults are left out and its keys are written as one or two characters. Links
// made before it ("zengshou.share/1": the household file as it is) still open.
#pragma once

#include <string>       // the share text
#include <string_view>  // text to read

#include "error.h"
#include "household.h"
#include "reform.h"

namespace zengshou::core {

struct SharedHousehold {
  Household household;  // its `policy` names the policy it was shared under
  Reform reform;
};

std::string share_to_json(const SharedHousehold& shared);

// Every problem at its pointer in the household file's terms ("/household/members/0/birth_year",
// "/reform/changes/…"), or the household and reform.
Parsed<SharedHousehold> parse_share(std::string_view text);

// Whether `text` is a share link of a later version than this program reads: one to keep for the updated program.
bool share_is_newer(std::string_view text);

}  // namespace zengshou::core
