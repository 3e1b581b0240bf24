"""Writing records. Every write is validated first, atomic, and never overwrites a file that
changed on disk after it was read.

- `document` (a file opened for a round-trip edit), `tree` (walking and changing the ruamel
  tree in place, new keys in the record's order, new items in block style), `values`
  (command-line text → the value a field reads);
- `changes` (`set`, `done`, `progress`), `items` (`add`, `log`), `verbs` (lifecycle verbs,
  from the models' registry), `renumber` (and `--split` of git's add/add conflict);
- `report` (what an edit changed, the deadlines it started or met, the lint problems it
  introduced), `fields` / `kindfields` (what each field holds, `collab fields`);
- `new`, `skeleton`, `ask` (the record `collab new` writes, and its questions), and
  `scaffold` (`collab init`).

May import: render (for skeletons), lint, query, workspace, timing, models, io, i18n and the
base modules.
"""
