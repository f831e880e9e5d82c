/** Write-path cases: a seeker's 구직신청, 관심 채용정보, 저장한 검색 and 알림 (src/market/seeker-routes.ts). */
import { sql } from 'drizzle-orm';
import { form, type WriteCase } from '../../support/write-path.ts';

export const SEEKER_CASES: Record<string, WriteCase> = {
  'POST /my/job-seeking': {
    async prepare(kit) {
      const { client } = await kit.signedIn('seeker');
      return {
        client,
        url: '/my/job-seeking',
        form: form({ occupation0: '023', region0: '11680', wageMonthly: '280', empType: '', availableFrom: '' }),
      };
    },
  },
  'POST /jobs/:id/save': {
    async prepare(kit) {
      const { client } = await kit.signedIn('seeker');
      const posting = await kit.posting();
      return { client, url: `/jobs/${posting.wantedAuthNo}/save`, form: {} };
    },
  },
  'POST /jobs/:id/unsave': {
    async prepare(kit) {
      const seeker = await kit.signedIn('seeker');
      const posting = await kit.posting();
      await kit.services.marketStore.savePosting(seeker.id, posting.id);
      return { client: seeker.client, url: `/jobs/${posting.wantedAuthNo}/unsave`, form: { back: 'saved' } };
    },
  },
  'POST /my/saved-searches': {
    async prepare(kit) {
      const { client } = await kit.signedIn('seeker');
      return { client, url: '/my/saved-searches', form: { name: '강남 물류', query: 'q=물류&region=11680' } };
    },
  },
  'POST /my/saved-searches/:id/delete': {
    async prepare(kit) {
      const seeker = await kit.signedIn('seeker');
      const id = await kit.services.marketStore.saveSearch(seeker.id, '지울 검색', 'q=경리');
      return { client: seeker.client, url: `/my/saved-searches/${id}/delete`, form: {} };
    },
  },
  'POST /my/notifications/read': {
    async prepare(kit) {
      const seeker = await kit.signedIn('seeker');
      await kit.database.query(
        sql`INSERT INTO notifications (account_id, kind, title, body, link, dedupe_key)
            VALUES (${seeker.id}, 'test', '새 공고', '맞춤 공고가 올라왔습니다', '/jobs', ${kit.unique('n')})`,
      );
      return { client: seeker.client, url: '/my/notifications/read', form: {} };
    },
  },
};
