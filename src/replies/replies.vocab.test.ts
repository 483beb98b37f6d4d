import { expect, test } from 'vitest';
import { awaitsApproval, fourEyesBlocks, isOutward } from './replies.vocab.ts';

test('four-eyes keeps the author and the last editor of a public reply from approving it, only while it is on', () => {
  const reply = { kind: 'public' as const, createdBy: 'ann', editedBy: 'bob' };
  expect(fourEyesBlocks(reply, 'ann', true)).toBe(true);
  expect(fourEyesBlocks(reply, 'bob', true)).toBe(true);
  expect(fourEyesBlocks(reply, 'cat', true)).toBe(false);
  expect(fourEyesBlocks(reply, 'ann', false)).toBe(false);
  expect(fourEyesBlocks({ ...reply, kind: 'private' }, 'ann', true)).toBe(false);
  expect(fourEyesBlocks({ ...reply, createdBy: null, editedBy: null }, null, true)).toBe(false);
});

test('outward drafts and ready replies wait for approval; internal notes never do', () => {
  expect(isOutward('internal')).toBe(false);
  expect(awaitsApproval({ kind: 'public', status: 'draft' })).toBe(true);
  expect(awaitsApproval({ kind: 'private', status: 'ready' })).toBe(true);
  expect(awaitsApproval({ kind: 'public', status: 'approved' })).toBe(false);
  expect(awaitsApproval({ kind: 'internal', status: 'draft' })).toBe(false);
});
