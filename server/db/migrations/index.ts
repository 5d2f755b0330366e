import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { Migration20261127000000_initial } from './Migration20261127000000_initial.js';
import { Migration20261127010000_editing } from './Migration20261127010000_editing.js';
import { Migration20261127030000_area_per_statement } from './Migration20261127030000_area_per_statement.js';
import { Migration20261127040000_region_scope } from './Migration20261127040000_region_scope.js';
import { Migration20261127050000_area_refresh_queue } from './Migration20261127050000_area_refresh_queue.js';
import { Migration20261127060000_search_rank } from './Migration20261127060000_search_rank.js';
import { Migration20261127060000_dataset_version } from './Migration20261127060000_dataset_version.js';
import { Migration20261128000000_time } from './Migration20261128000000_time.js';
import { Migration20261128010000_people } from './Migration20261128010000_people.js';
import { Migration20261128090000_versions } from './Migration20261128090000_versions.js';
import { Migration20261128100000_area_memo } from './Migration20261128100000_area_memo.js';

/** Committed migrations, in order. Listed explicitly so compiled and test runs find the same set. */
export const migrations: Constructor<Migration>[] = [
  Migration20261127000000_initial, Migration20261127010000_editing, Migration20261127030000_area_per_statement, Migration20261127040000_region_scope,
  Migration20261127050000_area_refresh_queue, Migration20261127060000_search_rank, Migration20261127060000_dataset_version,
  Migration20261128000000_time,
  Migration20261128010000_people,
  Migration20261128090000_versions,
  Migration20261128100000_area_memo,
];
