import {mkdtemp, readFile, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, expect, it} from 'vitest'
import {ContentIndex, normalizeUrl, slugify, type NewArticle} from '../../src/ingest/files.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'digest-files-'))
})
afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

const story = (text: string, url = 'https://example.org/2024/03/04/story.html'): NewArticle => ({
  title: 'Talks resume in Doha',
  date: '2024-03-04',
  source: 'Example',
  url,
  markdown: `${text}\n`
})

it('adds, leaves an unchanged article alone, updates a changed one in place, and refuses a duplicate text', async () => {
  const first = await (await ContentIndex.open(dir)).write(story('Negotiators met on Monday.'))
  expect(first).toEqual({file: '2024-03-04-talks-resume-in-doha.md', status: 'added'})
  const written = await readFile(path.join(dir, first.file), 'utf8')
  expect(written).toBe('---\ntitle: Talks resume in Doha\ndate: "2024-03-04"\nsource: Example\nurl: https://example.org/2024/03/04/story.html\n---\n\nNegotiators met on Monday.\n')

  // A later run reads what is on disk.
  const index = await ContentIndex.open(dir)
  expect(await index.write(story('Negotiators met on Monday.', 'https://www.example.org/2024/03/04/story.html?utm_source=feed#top'))).toEqual({file: first.file, status: 'unchanged'})
  expect(await index.write(story('Negotiators met on Monday and Tuesday.'))).toEqual({file: first.file, status: 'updated'})
  expect(await readFile(path.join(dir, first.file), 'utf8')).toContain('Monday and Tuesday')
  expect(await index.write(story('Negotiators met on Monday and Tuesday.', 'https://mirror.example.net/copy'))).toMatchObject({status: 'skipped', reason: `Same text as ${first.file}, already in the content folder`})
  expect(await readdir(dir)).toEqual([first.file])
})

it('keeps two different texts that one run gives the same URL as two articles', async () => {
  const index = await ContentIndex.open(dir)
  const one = await index.write(story('The first page names the shared address as its own.'))
  const two = await index.write(story('The second page names it too, with other text.'))
  expect([one.status, two.status]).toEqual(['added', 'added'])
  expect(two.file).toBe('2024-03-04-talks-resume-in-doha-2.md')
})

it('makes short ASCII slugs and compares URLs without their noise', () => {
  expect(slugify('Zimbabwe coup: Robert Mugabe and wife Grace ‘insisting’ he finishes his term')).toBe('zimbabwe-coup-robert-mugabe-and-wife-grace-insisting-he')
  expect(slugify('Le projet de loi sur le renseignement massivement approuvé')).toBe('le-projet-de-loi-sur-le-renseignement-massivement-approuve')
  expect(slugify('???')).toBe('article')
  expect(normalizeUrl('https://www.example.org/a/?utm_medium=rss&id=3#comments')).toBe(normalizeUrl('https://example.org/a?id=3'))
})
