// The console end to end in headless Chromium against a running gateway (the real jar on embedded defaults):
// log in; drag a user task and a connector from the palette onto a new flow, set their inputs, check and deploy it;
// publish a contract that points to it; call the operation with an HTTP client; see the instance with its token on
// the user task; log in as the candidate and approve in the inbox; see the instance completed with its path marked;
// a tenant admin sees the flow and the contracts but is told that deploying and publishing are the platform admin's.
// A screenshot of each step is saved in SCREENSHOT_DIR. Run by the gateway's ConsoleInBrowserIT (the README's test
// command); by hand: FLOWGATE_URL=http://127.0.0.1:8080 FLOWGATE_ADMIN_PASSWORD=… node e2e/console.e2e.mjs
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = required('FLOWGATE_URL');
const ADMIN_PASSWORD = required('FLOWGATE_ADMIN_PASSWORD');
const SHOTS = process.env.SCREENSHOT_DIR ?? 'target/e2e';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUN = Math.random().toString(36).slice(2, 8);
const FLOW_ID = `e2e-approval-${RUN}`;
const APPROVER_ROLE = `e2e-approver-${RUN}`;
const REQUESTER_ROLE = `e2e-requester-${RUN}`;
const APPROVER = { username: `approver-${RUN}`, password: `approver-pass-${RUN}-x` };
const REQUESTER = { username: `requester-${RUN}`, password: `requester-pass-${RUN}-x` };
const OPERATION_PATH = `/e2e/${RUN}/approvals`;
const TENANT_ADMIN = { username: `tenant-admin-${RUN}`, password: `tenant-admin-pass-${RUN}-x` };

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
}

function log(...args) {
  console.log(new Date().toISOString().slice(11, 23), ...args);
}

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

// ---- the API, as an HTTP client outside the browser ----
async function api(method, path, { token, json, text, contentType, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (text !== undefined) {
    headers['Content-Type'] = contentType;
    body = text;
  }
  const response = await fetch(BASE + path, { method, headers, body });
  const raw = await response.text();
  let parsed = null;
  try { parsed = raw ? JSON.parse(raw) : null; } catch { parsed = raw; }
  return { status: response.status, body: parsed, headers: response.headers };
}

async function token(user, password) {
  const answer = await api('POST', '/auth/token', { json: { username: user, password } });
  check(answer.status === 200, `login of ${user} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.access_token;
}

async function createUser(adminToken, user, roles, tenant) {
  const answer = await api('POST', '/admin/users', { token: adminToken, json: { username: user.username, password: user.password, roles, ...(tenant ? { tenant } : {}) } });
  check(answer.status === 201, `creating ${user.username} answered ${answer.status} ${JSON.stringify(answer.body)}`);
}

// ---- the browser ----
let shotCount = 0;
async function shot(page, name) {
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  shotCount++;
  log('screenshot', file);
}

async function login(page, user, password) {
  await page.goto(`${BASE}/ui/`);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

async function logout(page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

/** Screen coordinates of a diagram point, from the modeler's current viewbox. */
async function toScreen(page, point) {
  return page.evaluate(({ x, y }) => {
    const modeler = window.__flowgateModeler;
    const canvas = modeler.get('canvas');
    const box = canvas._container.getBoundingClientRect();
    const viewbox = canvas.viewbox();
    return { x: box.left + (x - viewbox.x) * viewbox.scale, y: box.top + (y - viewbox.y) * viewbox.scale };
  }, point);
}

/** The middle of the longest segment of the sequence flow leaving `sourceType` (a drop target bpmn-js splits). */
async function middleOfFlowFrom(page, sourceType) {
  return page.evaluate((type) => {
    const registry = window.__flowgateModeler.get('elementRegistry');
    const flow = registry.filter((e) => e.type === 'bpmn:SequenceFlow' && e.source?.type === type)[0];
    if (!flow) return null;
    let best = null;
    for (let i = 1; i < flow.waypoints.length; i++) {
      const a = flow.waypoints[i - 1];
      const b = flow.waypoints[i];
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      if (!best || length > best.length) best = { length, x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
    return { x: best.x, y: best.y, flowId: flow.id };
  }, sourceType);
}

/** Drags a palette entry onto a screen point with real mouse events (what a user does). */
async function dragFromPalette(page, entrySelector, target) {
  const entry = page.locator(entrySelector).first();
  await entry.waitFor();
  const from = await entry.boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 25 });
  await page.mouse.up();
}

async function elementIds(page, type) {
  return page.evaluate((t) => window.__flowgateModeler.get('elementRegistry').filter((e) => e.type === t && !e.labelTarget).map((e) => e.id), type);
}

async function clickElement(page, id) {
  const center = await page.evaluate((elementId) => {
    const element = window.__flowgateModeler.get('elementRegistry').get(elementId);
    return { x: element.x + element.width / 2, y: element.y + element.height / 2 };
  }, id);
  const at = await toScreen(page, center);
  await page.mouse.click(at.x, at.y);
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  const adminToken = await token('admin', ADMIN_PASSWORD);
  await createUser(adminToken, APPROVER, [APPROVER_ROLE]);
  await createUser(adminToken, REQUESTER, [REQUESTER_ROLE]);
  await createUser(adminToken, TENANT_ADMIN, ['admin'], 'bistro');

  const profile = mkdtempSync(join(tmpdir(), 'flowgate-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.setDefaultTimeout(20_000);
  let instanceId;
  let userTaskId;

  try {
    log('1. log in as admin');
    await page.goto(`${BASE}/ui/`);
    await page.getByLabel('Username').waitFor();
    await shot(page, '01-login');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('wrong-password-for-sure');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    check((await page.getByRole('alert').textContent()).length > 0, 'a wrong password shows the problem');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).waitFor();
    await shot(page, '02-signed-in');

    log('2. a new flow: drag a user task and a connector from the palette');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
    await page.getByRole('button', { name: 'New flow' }).click();
    await page.waitForFunction(() => window.__flowgateModeler?.get('elementRegistry').filter((e) => e.type === 'bpmn:StartEvent').length > 0);
    await page.locator('.djs-palette').waitFor();
    await setProcessId(page, FLOW_ID);
    const userTasksBefore = await elementIds(page, 'bpmn:UserTask');
    const startFlow = await middleOfFlowFrom(page, 'bpmn:StartEvent');
    check(startFlow, 'the template has a flow leaving its start event');
    await dragFromPalette(page, '.djs-palette .bpmn-icon-user-task', await toScreen(page, startFlow));
    const userTasksAfter = await elementIds(page, 'bpmn:UserTask');
    const dropped = userTasksAfter.filter((id) => !userTasksBefore.includes(id));
    check(dropped.length === 1, `one user task was dropped (before ${userTasksBefore}, after ${userTasksAfter})`);
    userTaskId = dropped[0];
    await clickElement(page, userTaskId);
    await page.locator('#bio-properties-panel-name').fill('Review request');
    await chooseCandidateGroup(page, APPROVER_ROLE);
    // the template's own approval task goes to the same role, so one approver can walk the whole path
    for (const id of userTasksBefore) {
      await clickElement(page, id);
      await chooseCandidateGroup(page, APPROVER_ROLE);
    }

    const serviceBefore = await elementIds(page, 'bpmn:ServiceTask');
    const gatewayFlow = await middleOfFlowFrom(page, userTaskId ? 'bpmn:UserTask' : 'bpmn:StartEvent');
    await dragFromPalette(page, '.djs-palette [data-template-id="io.flowgate.connector.notify"], .djs-palette .fg-template-notify', await toScreen(page, gatewayFlow));
    const serviceAfter = await elementIds(page, 'bpmn:ServiceTask');
    const connector = serviceAfter.filter((id) => !serviceBefore.includes(id));
    check(connector.length === 1, `one connector was dropped (before ${serviceBefore}, after ${serviceAfter})`);
    await clickElement(page, connector[0]);
    await fillTemplateInput(page, 'channel', 'approvals');
    await fillTemplateInput(page, 'subject', 'A request waits for review');
    await shot(page, '03-designed');

    log('3. check and deploy');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText(/no findings|passes|clean/i).first().waitFor();
    await shot(page, '04-checked');
    await page.getByRole('button', { name: 'Deploy' }).click();
    await page.getByText(/version 1|deployed/i).first().waitFor();
    await shot(page, '05-deployed');
    const deployed = await api('GET', `/admin/flows/${FLOW_ID}`, { token: adminToken });
    check(deployed.status === 200, `the flow ${FLOW_ID} is deployed (${deployed.status} ${JSON.stringify(deployed.body)})`);
    const xml = await api('GET', `/admin/flows/${FLOW_ID}/xml`, { token: adminToken, accept: 'application/xml' });
    check(String(xml.body).includes('<camunda:connectorId>notify</camunda:connectorId>') && String(xml.body).includes(APPROVER_ROLE),
      'the deployed BPMN carries the notify connector and the candidate group');

    log('4. publish a contract that points to the flow');
    await page.goto(`${BASE}/ui/contracts/publish`);
    await page.getByLabel('Contract document').fill(contract());
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText(/requestApproval/).first().waitFor();
    await shot(page, '06-contract-checked');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/version 1|published/i).first().waitFor();
    await shot(page, '07-contract-published');

    log('5. call the operation with an HTTP client');
    const requesterToken = await token(REQUESTER.username, REQUESTER.password);
    const call = await api('POST', OPERATION_PATH, { token: requesterToken, json: { item: 'walk-in freezer', quantity: 2 } });
    check(call.status === 201, `the operation answered ${call.status} ${JSON.stringify(call.body)}`);
    instanceId = call.body.instanceId;
    check(instanceId, `the answer names the instance: ${JSON.stringify(call.body)}`);

    log('6. the instance with its token on the user task');
    await page.goto(`${BASE}/ui/instances`);
    await page.getByRole('link', { name: new RegExp(instanceId.slice(0, 8)) }).first().waitFor();
    await shot(page, '08-instances');
    await page.goto(`${BASE}/ui/instances/${instanceId}`);
    await page.locator(`[data-testid="instance-diagram"] .djs-element.fg-active[data-element-id="${userTaskId}"]`).waitFor();
    await shot(page, '09-token-on-user-task');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, '09b-instance-1920x1080');
    await page.setViewportSize({ width: 1280, height: 800 });

    log('7. the candidate approves in the inbox');
    await logout(page);
    await login(page, APPROVER.username, APPROVER.password);
    await approveNextTask(page, instanceId, '10-inbox', '11-approved');
    // the template's own approval comes next on the path
    await approveNextTask(page, instanceId, '11b-inbox', '11c-approved');
    await keyboardCheck(page);

    log('8. the instance completed with its path marked');
    await logout(page);
    await login(page, 'admin', ADMIN_PASSWORD);
    await page.goto(`${BASE}/ui/instances/${instanceId}`);
    await page.locator('[data-testid="instance-state"]', { hasText: 'COMPLETED' }).waitFor({ timeout: 30_000 });
    await page.locator(`[data-testid="instance-diagram"] .djs-element.fg-completed[data-element-id="${userTaskId}"]`).waitFor();
    await page.locator(`[data-testid="instance-diagram"] .djs-element.fg-completed[data-element-id="${connector[0]}"]`).waitFor();
    const active = await page.locator('[data-testid="instance-diagram"] .djs-element.fg-active').count();
    check(active === 0, `no token is left on a completed instance (${active})`);
    await shot(page, '12-instance-completed');

    log('9. a tenant admin reads the shared flows and contracts but is told, not refused, that deploying is not its');
    await logout(page);
    await login(page, TENANT_ADMIN.username, TENANT_ADMIN.password);
    await page.getByText('admin of bistro').waitFor();
    await page.goto(`${BASE}/ui/flows/${FLOW_ID}`);
    await page.getByText('Opening the flow…').waitFor({ state: 'hidden' });
    await page.locator('[data-testid="designer-status"]', { hasText: 'Only the platform admin can check and deploy flows' }).waitFor();
    check(await page.getByRole('button', { name: 'Deploy' }).isDisabled(), 'Deploy is disabled for a tenant admin');
    await shot(page, '13-tenant-admin-designer');
    await page.goto(`${BASE}/ui/contracts`);
    await page.getByRole('note').filter({ hasText: 'Only the platform admin can publish contracts' }).waitFor();
    check(await page.getByRole('link', { name: 'Publish a contract' }).count() === 0, 'no publish link for a tenant admin');
    await shot(page, '14-tenant-admin-contracts');

    check(consoleErrors.length === 0, `no script errors in the page: ${consoleErrors.join('\n')}`);
    log(`E2E PASSED (${shotCount} screenshots in ${SHOTS})`);
  } catch (error) {
    await shot(page, '99-failure').catch(() => {});
    throw error;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function setProcessId(page, id) {
  const field = page.getByLabel(/process id/i).first();
  await field.fill(id);
  await field.press('Tab');
}

async function chooseCandidateGroup(page, role) {
  const select = page.getByLabel(/candidate group \(role\)/i);
  await select.waitFor();
  await select.selectOption(role);
}

async function fillTemplateInput(page, label, value) {
  const field = page.locator('.bio-properties-panel-container').getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Tab');
}

async function approveNextTask(page, instanceId, listShot, doneShot) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
  const row = page.locator('tr', { hasText: instanceId.slice(0, 8) }).or(page.locator('tr', { hasText: FLOW_ID }));
  await row.first().waitFor({ timeout: 30_000 });
  await shot(page, listShot);
  await row.first().getByRole('link').first().click();
  const claim = page.getByRole('button', { name: 'Claim' });
  if (await claim.isVisible()) await claim.click();
  await page.getByLabel('Comment').fill('Looks right to me.');
  await page.getByRole('button', { name: 'Approve' }).click();
  // back on the inbox with the outcome announced (a variable named `approved` on the task page must not count)
  await page.waitForURL(/\/ui\/tasks$/);
  await page.getByRole('status').filter({ hasText: /approved/i }).first().waitFor();
  await shot(page, doneShot);
}

/** Every control is reached with Tab and the focused one is visibly outlined. */
async function keyboardCheck(page) {
  await page.goto(`${BASE}/ui/tasks`);
  await page.locator('h1').first().waitFor();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
  });
  check(focus.tag !== 'BODY' && focus.outline !== 'none' && focus.width !== '0px', `a focused control is outlined: ${JSON.stringify(focus)}`);
  await shot(page, '11d-keyboard-focus');
}

function contract() {
  return `openapi: 3.0.3
info:
  title: Approvals from the e2e run ${RUN}
  version: 1.0.0
paths:
  ${OPERATION_PATH}:
    post:
      operationId: requestApproval
      summary: Ask for an approval
      x-flow-id: ${FLOW_ID}
      x-flow-mode: sync
      x-flow-timeout: 3s
      x-required-roles: [${REQUESTER_ROLE}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [item]
              properties:
                item: {type: string, maxLength: 100}
                quantity: {type: integer, minimum: 1}
      responses:
        '201':
          description: the request waits for approval
          content:
            application/json:
              schema:
                type: object
                properties:
                  instanceId: {type: string}
                  state: {type: string}
`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
