// Attachments: post with a photo and see its thumbnail in the stream; a
// file disguised as a photo is refused with the server's reason.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { DEMO, expect, shot, signIn, test } from './support/fixtures';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real `w`x`h` RGB PNG: a diagonal gradient, so the thumbnail is visibly a picture. */
function gradientPng(w: number, h: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) {
      row[1 + x * 3] = Math.round((x / w) * 255);
      row[2 + x * 3] = Math.round((y / h) * 200);
      row[3 + x * 3] = 180;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes `bytes` to a temp file named `name` (in the run's temp dir) and returns its path. */
function tempFile(name: string, bytes: Buffer): string {
  const path = join(mkdtempSync(join(process.env.HALLWAY_E2E_TMP ?? tmpdir(), 'upload-')), name);
  writeFileSync(path, bytes);
  return path;
}

test('posts a photo and shows its thumbnail in the stream', async ({ page }) => {
  const id = Date.now().toString(36);
  await signIn(page, DEMO.login, DEMO.password);
  await expect(page.getByRole('heading', { name: 'Write a post' })).toBeVisible();
  await page.getByLabel('Your note').fill(`Our new team room ${id}`);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add photo, video or file' }).click();
  await (await chooser).setFiles(tempFile('team-room.png', gradientPng(640, 400)));
  const attachments = page.getByRole('group', { name: 'Attachments' });
  const photoItem = attachments.getByRole('listitem').filter({ hasText: 'team-room.png' });
  await expect(photoItem).toBeVisible();
  await expect(photoItem.getByText(/· ready$/)).toBeVisible();

  // A file that only claims to be a photo is refused, with the reason.
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add photo, video or file' }).click();
  await (
    await chooser2
  ).setFiles(
    tempFile('cat.png', Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>")),
  );
  const refused = attachments.getByRole('listitem').filter({ hasText: 'cat.png' });
  await expect(refused.getByText(/SVG, XML and scripts are not accepted/)).toBeVisible();
  await shot(page, 'composer-with-attachments');
  await attachments.getByRole('button', { name: 'Remove cat.png' }).click();
  await expect(refused).toHaveCount(0);

  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByText('Your note is posted.')).toBeVisible();
  await expect(photoItem).toHaveCount(0);

  const first = page.getByRole('feed', { name: 'Your stream' }).getByRole('article').first();
  await expect(first).toContainText(`Our new team room ${id}`);
  const photo = first.getByRole('img', { name: 'Photo: team-room.jpg' });
  await expect(photo).toBeVisible();
  await expect(photo).toHaveAttribute('src', /^\/media\/uploads\/[\w-]+\/thumbnail$/);
  // The thumbnail really loaded (the server let the author's session read it).
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(first.getByRole('link', { name: /Photo: team-room\.jpg/ })).toHaveAttribute(
    'href',
    /^\/media\/uploads\/[\w-]+$/,
  );
  await shot(page, 'post-with-photo');
});

test("a photo's alt text is what screen readers get", async ({ page }) => {
  const id = Date.now().toString(36);
  await signIn(page, DEMO.login, DEMO.password);
  await page.getByLabel('Your note').fill(`Whiteboard from the retro ${id}`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add photo, video or file' }).click();
  await (await chooser).setFiles(tempFile('board.png', gradientPng(320, 200)));
  const attachments = page.getByRole('group', { name: 'Attachments' });
  const alt = attachments.getByLabel('Alt text for board.png');
  await expect(alt).toBeVisible();
  await alt.fill(`Sticky notes grouped into three columns ${id}`);
  await shot(page, 'composer-photo-alt');
  // Posting right away: the alt text is saved before the post is created.
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByText('Your note is posted.')).toBeVisible();
  const first = page.getByRole('feed', { name: 'Your stream' }).getByRole('article').first();
  await expect(first).toContainText(`Whiteboard from the retro ${id}`);
  await expect(
    first.getByRole('img', { name: `Sticky notes grouped into three columns ${id}` }),
  ).toBeVisible();
  // And after a reload, from the server.
  await page.reload();
  await expect(
    page.getByRole('img', { name: `Sticky notes grouped into three columns ${id}` }).first(),
  ).toBeVisible();
});

test('a recorded video shows its poster before it plays', async ({ page }) => {
  const id = Date.now().toString(36);
  await signIn(page, DEMO.login, DEMO.password);
  // A real WebM (VP8), recorded by the browser itself from a canvas.
  const recorded = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 180;
    const ctx = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(15), {
      mimeType: 'video/webm;codecs=vp8',
    });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const draw = () => {
        const t = performance.now() - started;
        ctx.fillStyle = '#1d4ed8';
        ctx.fillRect(0, 0, 320, 180);
        ctx.fillStyle = '#ffffff';
        ctx.font = '28px sans-serif';
        ctx.fillText(`Stand-up ${Math.floor(t / 100)}`, 20, 100);
        if (t < 1500) requestAnimationFrame(draw);
        else resolve();
      };
      draw();
    });
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  });
  await page.getByLabel('Your note').fill(`Stand-up recording ${id}`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add photo, video or file' }).click();
  await (await chooser).setFiles(tempFile('standup.webm', Buffer.from(recorded, 'base64')));
  const item = page
    .getByRole('group', { name: 'Attachments' })
    .getByRole('listitem')
    .filter({ hasText: 'standup.webm' });
  await expect(item.getByText(/· ready$/)).toBeVisible();
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByText('Your note is posted.')).toBeVisible();

  const first = page.getByRole('feed', { name: 'Your stream' }).getByRole('article').first();
  await expect(first).toContainText(`Stand-up recording ${id}`);
  const video = first.getByLabel('Video: standup.webm');
  await expect(video).toHaveAttribute('poster', /^\/media\/uploads\/[\w-]+\/thumbnail$/);
  await expect(video).toHaveAttribute('width', '320');
  // The poster is a real JPEG the author may read, taken from the video.
  const poster = await video.getAttribute('poster');
  const served = await page.evaluate(async (url) => {
    const res = await fetch(url!);
    return { status: res.status, type: res.headers.get('content-type') };
  }, poster);
  expect(served).toEqual({ status: 200, type: 'image/jpeg' });
  await video.scrollIntoViewIfNeeded();
  await shot(page, 'post-with-video-poster');
});
