#include "app/demo_endorsement_seed.h"

#include <map>

#include "store/endorsement_store.h"

namespace hallway::app {

core::Status SeedDemoEndorsements(store::Tx& tx, const std::vector<domain::Account>& people, core::Micros now) {
  std::map<std::string, std::vector<const domain::Account*>> teams;
  for (const auto& p : people) teams[p.team].push_back(&p);
  for (std::size_t i = 0; i < people.size(); ++i) {
    const domain::Account& person = people[i];
    const auto& team = teams[person.team];
    // Up to two skills, endorsed by one to three teammates (varying with
    // the person, so counts differ from profile to profile).
    for (std::size_t s = 0; s < person.skills.size() && s < 2; ++s) {
      const std::size_t wanted = 1 + (i + s) % 3;
      std::size_t given = 0;
      for (std::size_t k = 0; k < team.size() && given < wanted; ++k) {
        const domain::Account* mate = team[(i + s + k) % team.size()];
        if (mate->id == person.id) continue;
        const core::Micros at = now - static_cast<core::Micros>(3 + (i * 7 + k) % 90) * core::kDay;
        HALLWAY_TRY(store::PutEndorsement(tx, {person.id, domain::TagKey(person.skills[s]), mate->id, "", at}));
        ++given;
      }
    }
  }
  return core::Ok();
}

}  // namespace hallway::app
