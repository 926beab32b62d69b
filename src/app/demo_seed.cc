#include "app/demo_seed.h"

#include "app/demo_rng.h"
#include "app/demo_catalog_seed.h"
#include "app/demo_deliberation_seed.h"
#include "app/demo_endorsement_seed.h"
#include "app/demo_question_seed.h"
#include "app/demo_social_seed.h"
#include "app/demo_wiki_seed.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <vector>

#include "domain/activity.h"
#include "domain/markdown.h"
#include "store/account_store.h"
#include "store/activity_log.h"

namespace hallway::app {
namespace {


struct Team {
  const char* name;
  std::vector<const char*> titles;
  std::vector<const char*> skills;
};

const std::vector<Team>& Teams() {
  static const std::vector<Team> kTeams = {
      {"Engineering", {"Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager"},
       {"C++", "TypeScript", "Distributed systems", "Code review", "Testing", "PostgreSQL", "Performance tuning"}},
      {"Data Science", {"Data Scientist", "Senior Data Scientist", "Analytics Lead"},
       {"Python", "Statistics", "Machine learning", "Data visualization", "SQL", "Experiment design"}},
      {"Product", {"Product Manager", "Senior Product Manager", "Head of Product"},
       {"Product discovery", "Roadmapping", "User research", "Prioritization", "Stakeholder management"}},
      {"Design", {"Product Designer", "UX Researcher", "Design Lead"},
       {"Interaction design", "Accessibility", "Prototyping", "User research", "Design systems"}},
      {"Sales", {"Account Executive", "Sales Engineer", "Regional Sales Director"},
       {"Negotiation", "Contract negotiation", "Forecasting", "Presentation skills", "German"}},
      {"Customer Success", {"Customer Success Manager", "Support Engineer", "Onboarding Specialist"},
       {"Customer onboarding", "Conflict resolution", "Technical writing", "Active listening"}},
      {"Marketing", {"Content Strategist", "Marketing Manager", "Brand Designer"},
       {"Copywriting", "SEO", "Campaign planning", "Storytelling", "Public speaking"}},
      {"People", {"People Partner", "Learning & Development Lead", "Recruiter"},
       {"Coaching", "Facilitation", "Feedback", "Interviewing", "Change management", "Leadership"}},
      {"Finance", {"Financial Analyst", "Controller", "Procurement Specialist"},
       {"Budgeting", "Financial modelling", "Vendor management", "Contract negotiation", "Excel"}},
      {"Legal", {"Legal Counsel", "Compliance Officer", "Privacy Specialist"},
       {"Contract law", "GDPR", "Risk assessment", "Policy writing", "Negotiation"}},
      {"Operations", {"Operations Manager", "Project Manager", "Program Manager"},
       {"Project management", "Process improvement", "Lean", "Scheduling", "Leadership"}},
      {"Security", {"Security Engineer", "Security Analyst", "Head of Security"},
       {"Threat modelling", "Incident response", "Cryptography", "Cloud security", "Auditing"}},
  };
  return kTeams;
}

constexpr std::array<const char*, 40> kFirst = {
    "Ana", "Ben", "Chiara", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ingrid", "Jonas",
    "Kwame", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Samir", "Tove",
    "Umar", "Valentina", "Wei", "Ximena", "Yusuf", "Zofia", "Aiko", "Bruno", "Camille", "Diego",
    "Emeka", "Freya", "Goran", "Helena", "Ivan", "Julia", "Kenji", "Lucia", "Malik", "Noor"};
constexpr std::array<const char*, 40> kLast = {
    "Almeida", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ivanova",
    "Jensen", "Kowalski", "Larsen", "Müller", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi",
    "Schmidt", "Tanaka", "Usman", "Virtanen", "Weber", "Xu", "Yilmaz", "Zimmermann", "Andersson",
    "Bauer", "Chen", "Da Silva", "Eze", "Fontaine", "Gupta", "Horvath", "Iqbal", "Jovanović",
    "Kim", "López", "Moreau", "Novak"};
constexpr std::array<const char*, 8> kLocations = {
    "Berlin", "Lisbon", "Toronto", "Nairobi", "Singapore", "Remote", "Amsterdam", "Austin"};
constexpr std::array<const char*, 16> kInterests = {
    "Leadership", "Mentoring", "Public speaking", "Writing", "Machine learning", "Negotiation",
    "Sustainability", "Accessibility", "Data visualization", "Coaching", "Product strategy",
    "Behavioural economics", "Languages", "Open source", "Design thinking", "Well-being"};

std::string Ascii(std::string s) {
  // Handles keep to ASCII; fold the few accented letters the names use.
  const std::vector<std::pair<std::string, std::string>> folds = {
      {"í", "i"}, {"ü", "u"}, {"ć", "c"}, {"é", "e"}, {"ó", "o"}, {" ", ""}};
  for (const auto& [from, to] : folds) {
    for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p)) s.replace(p, from.size(), to);
  }
  return domain::AsciiLower(s);
}

domain::Account Person(Rng& rng, int index, const std::string& hash, core::Micros now,
                       std::set<std::string>& handles) {
  const Team& team = Teams()[static_cast<std::size_t>(index) % Teams().size()];
  domain::Account a;
  const std::string first = rng.Pick(kFirst), last = rng.Pick(kLast);
  a.display_name = first + " " + last;
  std::string handle = Ascii(first) + "." + Ascii(last);
  for (int n = 2; handles.count(handle); ++n) handle = Ascii(first) + "." + Ascii(last) + std::to_string(n);
  handles.insert(handle);
  a.handle = handle;
  a.email = handle + "@demo.hallway.example";
  a.password_hash = hash;
  a.team = team.name;
  a.title = team.titles[rng.Below(team.titles.size())];
  a.location = rng.Pick(kLocations);
  std::set<std::string> skills;
  const std::size_t n_skills = std::min<std::size_t>(2 + rng.Below(4), team.skills.size());
  while (skills.size() < n_skills) skills.insert(team.skills[rng.Below(team.skills.size())]);
  a.skills.assign(skills.begin(), skills.end());
  std::set<std::string> interests;
  const std::size_t n_interests = 1 + rng.Below(3);
  while (interests.size() < n_interests) interests.insert(rng.Pick(kInterests));
  a.interests.assign(interests.begin(), interests.end());
  a.bio = "I work in **" + a.team + "** as " + a.title + " in " + a.location +
          ". Ask me about *" + a.skills[0] + "*" +
          (a.skills.size() > 1 ? " or *" + a.skills[1] + "*" : "") + ".\n\nCurrently curious about " +
          a.interests[0] + ".";
  a.bio_html = domain::RenderMarkdown(a.bio);
  a.created_at = now - static_cast<core::Micros>(rng.Below(700)) * core::kDay;
  return a;
}

}  // namespace

core::Status SeedDemo(store::Database& db, const core::Clock& clock,
                      const crypto::PasswordHasher& hasher,
                      const std::function<void(int, int)>& progress) {
  // One hash for the shared demo password keeps seeding fast; every demo
  // account still verifies through Argon2id like any other.
  HALLWAY_TRY_ASSIGN(std::string hash, hasher.Hash(kDemoPassword));
  const core::Micros now = clock.Now();
  return db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(std::int64_t existing, store::CountAccounts(tx));
    if (existing > 0) {
      return core::Error::Conflict("seed-demo: the database already has accounts; use an empty one");
    }
    Rng rng(20261121);
    std::set<std::string> handles = {"admin", "demo"};
    std::vector<domain::Account> people;
    domain::Account admin;
    admin.handle = "admin";
    admin.email = "admin@demo.hallway.example";
    admin.display_name = "Ada Admin";
    admin.title = "Community Administrator";
    admin.team = "People";
    admin.location = "Berlin";
    admin.role = domain::Role::kAdmin;
    admin.skills = {"Facilitation", "Community building"};
    admin.interests = {"Leadership"};
    admin.bio = "I keep the Hallway tidy. Reach out if something looks wrong.";
    admin.bio_html = domain::RenderMarkdown(admin.bio);
    admin.password_hash = hash;
    admin.created_at = now - 800 * core::kDay;
    people.push_back(admin);
    domain::Account demo = Person(rng, 0, hash, now, handles);
    demo.handle = "demo";
    demo.email = "demo@demo.hallway.example";
    demo.display_name = "Dana Demo";
    demo.role = domain::Role::kFacilitator;
    people.push_back(demo);
    for (int i = 2; i < kDemoPeople; ++i) people.push_back(Person(rng, i, hash, now, handles));
    int done = 0;
    std::vector<domain::Account> saved_people;
    for (auto& p : people) {
      HALLWAY_TRY_ASSIGN(domain::Account saved, store::InsertAccount(tx, p));
      saved_people.push_back(saved);
      domain::Activity act;
      act.published_at = saved.created_at;
      act.actor_id = saved.id;
      act.verb = "Create";
      act.object_type = "Person";
      act.object_id = std::to_string(saved.id);
      act.audience = domain::Audience::Organization();
      act.payload = R"({"source":"seed-demo"})";
      auto appended = store::AppendActivity(tx, act);
      if (!appended) return appended.error();
      if (progress && (++done % 40 == 0 || done == static_cast<int>(people.size()))) {
        progress(done, static_cast<int>(people.size()));
      }
    }
    HALLWAY_TRY(SeedDemoSocial(tx, saved_people, rng, now));
    HALLWAY_TRY(SeedDemoCatalog(tx, saved_people, rng, now));
    HALLWAY_TRY(SeedDemoDeliberations(tx, saved_people, now));
    HALLWAY_TRY(SeedDemoWiki(tx, saved_people, now));
    HALLWAY_TRY(SeedDemoQuestions(tx, saved_people, now));
    return SeedDemoEndorsements(tx, saved_people, now);
  });
}

}  // namespace hallway::app
