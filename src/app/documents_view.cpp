// 政策文件: the documents the policies cite, and a source as a link to its clause. A cadre checks a figure by reading
// the clause it comes from: the document opens scrolled to it, the clause barred at the left, the quoted words marked.
#include <algorithm>  // min
#include <string>
#include <string_view>
#include <variant>  // a located place

#include <imgui.h>

#include "core/document.h"
#include "core/json_reading.h"
#include "core/policy.h"
#include "format.h"
#include "views.h"

namespace zengshou::app {
namespace {

constexpr ImU32 clause_bar_colour = IM_COL32(230, 170, 40, 255);

std::string title_of(const core::Document& d) {
  const std::string& title = language() == Language::en ? d.title_en : d.title_zh;
  return d.title_is_description ? title : "《" + title + "》";
}

std::string policies_citing(const core::PolicySet& policies, const core::Document& d) {
  std::string names;
  for (const core::PolicyFile* p : policies.citing(d.id)) names += (names.empty() ? "" : "、") + policy_name(*p);
  return names;
}

// "发布机构: …", one line each, for what the document has.
void particulars(Ui& ui, const core::PolicySet& policies, const core::Document& d) {
  const auto line = [&](Str label, const std::string& value) {
    if (!value.empty()) ui.wrapped(std::string(tr(label)) + ": " + value);
  };
  ImGui::PushStyleColor(ImGuiCol_Text, muted_colour);
  line(Str::document_issuer, d.issuer);
  line(Str::document_number, d.number);
  line(Str::document_issued, d.issued == 0 ? "" : core::iso_date_text(d.issued));
  line(Str::document_years, d.first_year == 0 ? "" : std::to_string(d.first_year) + "–" + std::to_string(d.last_year));
  line(Str::document_used_by, policies_citing(policies, d));
  if (d.title_is_description) ui.wrapped(tr(Str::document_title_ours));
  ImGui::PopStyleColor();
}

void draw_list(Ui& ui, DocumentsViewState& state) {
  ui.wrapped(tr(Str::view_documents_about));
  ImGui::Separator();
  for (const core::Document* d : ui.documents->documents()) {
    ImGui::PushID(d->id.c_str());
    if (ui.link(title_of(*d), "document_" + d->id)) {
      state.open = d->id;
      state.cited.reset();
      state.scroll = 0;
    }
    std::string about = d->issuer;
    if (!d->number.empty()) about += (about.empty() ? "" : " · ") + d->number;
    if (d->issued != 0) about += (about.empty() ? "" : " · ") + core::iso_date_text(d->issued);
    if (d->has_text()) about += (about.empty() ? "" : " · ") + std::string(tr(Str::documents_with_text));
    ImGui::PushStyleColor(ImGuiCol_Text, muted_colour);
    ui.wrapped(about);
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::PopID();
  }
}

// The text, paragraph by paragraph: the cited clause barred at the left, its quote marked, scrolled to once.
void draw_text(Ui& ui, const core::Document& d, const core::CitedPlace* place, int& scroll) {
  const std::string_view text = d.text;
  const float bar = ImGui::GetFontSize() * 0.3f;
  ImGui::Indent(bar * 2.0f);
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view paragraph = text.substr(begin, end - begin);
    const bool in_clause = place != nullptr && begin < place->clause_end && end >= place->clause_begin;
    const bool has_quote = place != nullptr && begin <= place->quote_begin && place->quote_begin <= end;
    if (scroll > 0 && has_quote) {
      ImGui::SetScrollHereY(0.15f);
      --scroll;
    }
    const size_t mark_begin = has_quote ? place->quote_begin - begin : 0;
    const size_t mark_end = has_quote ? std::min(place->quote_end, end) - begin : 0;
    ImGui::BeginGroup();
    ui.wrapped(paragraph.empty() ? std::string_view(" ") : paragraph, mark_begin, mark_end);
    ImGui::EndGroup();
    if (has_quote && place->quote_end > place->quote_begin) ui.anchor("document_quote");
    if (in_clause) {
      const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x - bar * 2.0f, min.y), ImVec2(min.x - bar, max.y),
                                                clause_bar_colour);
    }
    begin = end + 1;
  }
  ImGui::Unindent(bar * 2.0f);
}

void draw_document(Ui& ui, DocumentsViewState& state, const core::PolicySet& policies, const core::Document& d) {
  if (ImGui::SmallButton(tr(Str::documents_back))) {
    state.open.clear();
    state.cited.reset();
    return;
  }
  ui.anchor("documents_back");
  ui.wrapped(title_of(d));
  ui.anchor("document_title");
  particulars(ui, policies, d);
  std::optional<core::CitedPlace> place;
  if (state.cited) {
    ImGui::Separator();
    const std::string clause = state.cited->clause.empty() ? "" : state.cited->clause + " ";
    ui.wrapped(std::string(tr(Str::document_cited_clause)) + ": " + clause +
               (state.cited->quote.empty() ? "" : "「" + state.cited->quote + "」"));
    if (d.has_text()) {
      const auto located = core::locate(d, *state.cited);
      if (const auto* p = std::get_if<core::CitedPlace>(&located))
        place = *p;
      else
        ImGui::TextDisabled("%s", tr(Str::document_clause_missing));
    }
  }
  ImGui::Separator();
  if (!d.has_text()) {
    ui.wrapped(tr(Str::document_no_text));
    return;
  }
  ImGui::BeginChild("##document_text");
  draw_text(ui, d, place ? &*place : nullptr, state.scroll);
  ui.drag_to_scroll();
  ImGui::EndChild();
}

// A tooltip as wide as a phone: `before`, the whole reference, its issuer, and that a click opens it.
void source_tooltip(const core::DocumentSet& documents, const core::SourceRef& ref, const std::string& before) {
  const core::Document* d = documents.find(ref.document);
  std::string tip = before + core::reference_text(ref, core_language(), 0, documents);
  if (d != nullptr && !d->issuer.empty()) tip += "\n" + std::string(tr(Str::document_issuer)) + ": " + d->issuer;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
  ImGui::TextUnformatted(tip.c_str());
  ImGui::TextDisabled("%s", tr(Str::source_open_tip));
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace

void draw_documents_view(Ui& ui, DocumentsViewState& state, const core::PolicySet& policies) {
  const core::Document* d = ui.documents->find(state.open);
  if (d != nullptr) return draw_document(ui, state, policies, *d);
  ImGui::BeginChild("##documents");
  draw_list(ui, state);
  ui.drag_to_scroll();
  ImGui::EndChild();
}

void draw_source(Ui& ui, Str label, const core::SourceRef& ref, const std::string& anchor) {
  const core::Language language = core_language();
  const std::string prefix = std::string(tr(label)) + ": ";
  std::string text = prefix + core::reference_text(ref, language, 0, *ui.documents);
  // Two lines at most: a long title gives way to its first characters, the quote kept whole.
  if (ImGui::CalcTextSize(text.c_str()).x > ImGui::GetContentRegionAvail().x * 2.0f)
    text = prefix + core::reference_text(ref, language, 10, *ui.documents);
  ImGui::Indent();
  if (ui.link(text, anchor)) ui.open_source = ref;
  ImGui::Unindent();
  if (ImGui::IsItemHovered()) source_tooltip(*ui.documents, ref, "");
}

void source_on_hover(Ui& ui, const core::ResolvedParam& param, const std::string& about) {
  if (!ImGui::IsItemHovered() || param.entry == nullptr) return;
  const core::ParamEntry& e = *param.entry;
  const std::optional<core::SourceRef>& ref = e.cited ? e.cited : e.leans_on;
  std::string text = about;
  if (e.assumed) text += (text.empty() ? "" : "\n") + std::string(tr(Str::assumed_badge)) + " " + e.note;
  if (!ref) {
    ImGui::SetTooltip("%s", text.c_str());
    return;
  }
  source_tooltip(*ui.documents, *ref,
                 text + (text.empty() ? "" : "\n") + tr(e.cited ? Str::source_label : Str::leans_on_label) + ": ");
  ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  if (Ui::item_clicked()) ui.open_source = *ref;
}

}  // namespace zengshou::app
