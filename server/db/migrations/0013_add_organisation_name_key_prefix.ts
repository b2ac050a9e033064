import { type Kysely, sql } from 'kysely';

/**
 * Names starting with the search key, straight off an index. A search by relevance ranks exact and starting names
 * before names that only contain the key; when those alone fill the ranked candidates (organisation-search-ranked.ts)
 * the page is read from this range instead of from every name holding the key's words: "nông nghiệp" starts 3,750
 * of the 16,486 national names that hold both words. `text_pattern_ops` turns `like 'key%'` into a range scan
 * whatever the database's collation (organisation_name_key_ix, in the default collation, serves equality only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index organisation_name_key_prefix_ix on organisation (name_key text_pattern_ops)`.execute(
    db,
  );
}
