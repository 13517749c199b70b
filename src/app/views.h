// The views the shell shows in its tabs, and what they ask of the platform (files).
#pragma once

#include <cstdint>   // generations
#include <optional>  // the presenter's example household
#include <string>    // file text
#include <vector>    // table order

#include "core/policy_draft.h"
#include "core/projection.h"
#include "roster_model.h"
#include "session.h"
#include "ui.h"
#include "undo.h"
#include "village_model.h"
#include "workbook_import.h"

namespace zengshou::app {

// What a picked file is opened as.
enum class OpenKind { household, reform, roster, workspace, policy };

// A part of the screen to save as a PNG image, in device pixels from the top left.
struct ImageRequest {
  std::string name;  // empty: nothing to save
  float x = 0, y = 0, width = 0, height = 0;
};

// What a view asks the platform to do after this frame: open a file picker, download a file, save an image.
struct PlatformRequests {
  bool open_file = false;
  OpenKind open_kind = OpenKind::household;
  std::string save_name;  // empty: nothing to save; ".csv" files are saved as CSV, others as JSON
  std::string save_text;
  bool household_saved = false;  // the download is the calculator's household: its work is then kept in a file
  ImageRequest image;
  std::string page_html;        // a page to open in a new tab (明白卡, the ledger's print view)
  bool save_workspace = false;  // download the whole workspace
  std::string share_text;       // a household (and reform) to put in a share link
  std::string share_policy;     // her policy file to put in a link (#policy=)
  std::string backup_export;    // the key of a stored backup to download
  std::string keep_policy;      // a policy file to keep as hers (另存为本县政策): put over one of hers of its id
  bool keep_policy_has_reform = false;           // it holds the reform's changes: the reform is cleared once it is kept
  std::string remove_policy;                     // the id of her policy she asks to remove (the app asks her first)
  std::optional<WorkbookReading> read_workbook;  // the picked workbook to read (again), in the page's module
};

// Where the guided mode (问答式) is: the question, and for per-member questions, which member.
struct GuideState {
  bool on = false;
  int step = 0;
  int member = 0;
};

// Where the presenter (演示模式) is: which prepared scenario, and its example household.
struct PresenterState {
  bool on = false;
  int scenario = -1;      // -1: not started
  int shown_at_top = -1;  // the scenario the page was last scrolled to the top for
  std::optional<core::Household> example;
};

// The roster table's filter, order and selection.
struct RosterViewState {
  std::string filter;  // matched against id, head and village
  int category = 0;    // 0: all, else core::Category + 1
  bool only_below = false;
  int work = 0;  // 0: all, else Worklist + 1
  int selected = -1;
  bool added_current = false;  // the calculator's household was just added (it then edits that record)
  std::vector<int> order;      // the households shown, in table order
  int overflowed = 0;          // households whose amounts overflowed, shown as such
  uint32_t generation = ~0u;   // the roster generation `order` was made for
  bool undo = false;           // 撤销 asked for from the roster (the app takes the last step back)
  // The reform in force, as the roster names it (empty: none), and whether she chose to see the policies in force.
  std::string reform_text;
  bool policy_in_force = false;
};

// Something to put in the calculator in place of its household. The app asks first when the household there has
// work kept nowhere else (not in the roster, not saved to a file).
struct Replacement {
  enum class Kind { new_household, household_file, share_link, roster_household };
  Kind kind = Kind::new_household;
  std::string text;  // the file's or the link's content, or the roster record's key
};

// What the views remember between frames beyond the session.
// 政策文件: the document shown (empty: the list), and the place to mark and scroll to when a source opened it.
struct DocumentsViewState {
  std::string open;
  std::optional<core::SourceRef> cited;
  int scroll = 0;  // frames left to scroll to the cited place: a new child window knows its height from its second
  void show(const core::SourceRef& ref) {
    open = ref.document;
    cited = ref;
    scroll = 3;
  }
};

// 注明出处: the source being typed for a value of her own policy — document, clause and quoted words — checked as
// she types; `keep` is her policy file with it, once she saves it.
struct CitationEdit {
  std::optional<core::ParamId> param;  // the parameter whose value is being cited; none: no editor open
  int from = 0;                        // the date of that value in her policy
  std::string document;
  std::string clause;
  std::string quote;
  std::string keep;
};

// 另存为本县政策: the name being typed for the policy the reform is kept as.
struct PolicySaveState {
  bool open = false;
  std::string name;
  std::string renaming;  // the id of her policy whose name `rename` holds
  std::string rename;
};

// 新建本县政策 / 本县政策信息: the draft she is typing (kept in the tab's session record, problems and all) and whether
// its form is shown.
struct PolicyDraftState {
  std::optional<core::PolicyDraft> draft;
  bool open = false;
  bool discarding = false;  // 放弃草稿 asked: waiting for her yes
  bool start_new = false;   // asked from the policy picker: a new draft, in 政策模拟
  bool changed = false;     // typed in this frame: the session record is written again
  bool made = false;        // `keep_policy` holds the policy it made: the draft ends once the policy is kept
  // The draft as last checked, and against which set of policies; `recheck`: typed in since.
  std::optional<core::Parsed<core::PolicyFile>> checked;
  const core::PolicySet* checked_against = nullptr;
  bool recheck = false;
};

struct ViewState {
  std::optional<Replacement> replace;  // asked for this frame
  GuideState guide;
  int sweep_member = 0;      // whose wage the sweep chart varies
  int projection_years = 5;  // how many years the projection shows
  core::GrowthRates growth;  // user-set growth per stream; unset: the policy's targets
  PolicySaveState policy_save;
  CitationEdit citing;
  PolicyDraftState policy_draft;
  const std::vector<core::QuarterRecord>* ledger = nullptr;  // the calculator's roster household's, set each frame
};

// 家庭测算: the household editor beside its results.
void draw_household_view(Ui& ui, Session& session, ViewState& state, PlatformRequests& requests);
// 问答式: one question at a time, filling the same household, ending on what the family gets ("你家可以享受") and
// what it could still apply for.
void draw_guided_view(Ui& ui, Session& session, GuideState& guide, PlatformRequests& requests);
// The 明白卡 of the calculator's household, to open as a page: under the reform in force (saying so) unless
// `under_reform` is false.
void request_card(Session& session, PlatformRequests& requests, bool under_reform = true);
// 防返贫监测: the verdict in plain words, then (opened) each condition with its clause, what helps, and the steps to
// leave, `open` at first; `ledger` is the roster household's quarterly ledger (none for a household alone).
void draw_monitoring_panel(Ui& ui, const Session& session, const std::vector<core::QuarterRecord>& ledger,
                           bool open = false);
// 收入预测: the coming years, with growth per stream.
void draw_projection_view(Ui& ui, const Session& session, ViewState& state, PlatformRequests& requests);
// 政策项目: every programme with its status and reason, and the suggestions.
void draw_programmes_view(Ui& ui, const Session& session);

// 新建本县政策 / 本县政策信息: the draft's form, each problem beside its field; made into her policy when it has none.
void draw_policy_draft(Ui& ui, const Session& session, PolicyDraftState& state, PlatformRequests& requests);
// 政策模拟: the policy's parameters as a reform editor, and the household under both.
void draw_policy_view(Ui& ui, Session& session, ViewState& state, PlatformRequests& requests);
// 村级模拟: a synthetic village under the policy and the reform.
void draw_village_view(Ui& ui, Session& session, VillageModel& village, PlatformRequests& requests);
// 演示模式: the prepared scenarios, one at a time, in large type.
void draw_presenter(Ui& ui, Session& session, VillageModel& village, PresenterState& presenter,
                    PlatformRequests& requests);

// 政策文件: every document the policies cite, and one document's text at a cited clause with its words marked.
void draw_documents_view(Ui& ui, DocumentsViewState& state, const core::PolicySet& policies);

// 农户台账: the roster table and the selected household's quarterly ledger; `open_calculator` is set when the
// user asks to edit the selected household.
// Removing a household puts a step in `undo`.
void draw_roster_view(Ui& ui, Session& session, Roster& roster, RosterViewState& state, UndoHistory& undo,
                      PlatformRequests& requests, bool& open_calculator);

// Pieces the views share.
void draw_headline(Ui& ui, const Session& session);  // per-capita net against the lines
// The message shown instead of figures when an amount overflowed (`where`: the core's pointer), under `anchor`.
void draw_overflow_notice(Ui& ui, const std::string& where, const std::string& anchor);
// `as_cost_reduction`: drawn among the production costs it lowers (贴息), its amount with a minus sign.
void draw_programme_node(Ui& ui, const Session& session, const core::ProgrammeResult& programme,
                         bool as_cost_reduction = false);
// Whether the policy in force has a programme: the facts only it reads are asked there.
bool offered(const core::YearParameters& params, core::ProgrammeId id);
// A 小额信贷 loan's fields in an open form (whether there is one, then principal, rate and months); true on a change.
bool loan_editor(Ui& ui, std::optional<core::Microcredit>& loan, const std::string& anchor);
void draw_suggestions(Ui& ui, const Session& session);
// The reform's name in the UI's language, or "现行政策" when there is none.
std::string reform_title(const core::Reform& reform);
// The reform as it is in force now: its name and each change with the values now ("公益性岗位补贴最低标准
// 800.00 元/月 → 3527.00 元/月"), not only the name a prepared scenario started with.
std::string reform_in_force(const core::Reform& reform, const core::YearParameters& baseline);
// The scenario list, clear, open and save: picking a prepared scenario also picks its policy and year.
void draw_reform_bar(Ui& ui, Session& session, PlatformRequests& requests);
// Every parameter of the policy, by programme: fields and sliders that change the reform; with `citing`, a value of
// her own policy can be given its source (注明出处).
void draw_parameter_editor(Ui& ui, Session& session, CitationEdit* citing = nullptr);
// What the reform changes, "old → new" each, with a button to drop each change.
void draw_reform_diff(Ui& ui, Session& session);
// The village's figures under both, the reform's effect and the histogram; `full` adds programmes and deciles.
void draw_village_results(Ui& ui, const Session& session, const VillageModel& village, PlatformRequests& requests,
                          bool full);
// Where a parameter's value comes from: its source, or "(assumed)" with the note saying why and what it leans on;
// each reference a link to its clause (anchored as `anchor`).
void draw_param_origin(Ui& ui, const core::ResolvedParam& param, const std::string& anchor);
// 出处: 《title》clause「quote」 as a link that opens the document at the clause; the title is shortened when the
// whole would take more than two lines, and given whole in a tooltip.
void draw_source(Ui& ui, Str label, const core::SourceRef& ref, const std::string& anchor);
// The last item (a figure) explains itself on hover: `about` and where `param`'s value comes from; a click opens
// that clause in 政策文件.
void source_on_hover(Ui& ui, const core::ResolvedParam& param, const std::string& about);

}  // namespace zengshou::app
