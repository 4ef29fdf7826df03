import { AuthMode } from './enums';
import { Exception } from './errors';
import type { Execution } from './runtime';

/**
 * What each authorization mode may call. Simple triggers (LIMITED) cannot use services that need the
 * user's authorization; an add-on's onOpen before it is enabled in a document (NONE) can only build
 * menus. The message is Google's.
 */
const SCOPES: Record<string, string> = {
  SpreadsheetApp: 'https://www.googleapis.com/auth/spreadsheets',
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  FormApp: 'https://www.googleapis.com/auth/forms',
};

const NONE_ALLOWED = new Set([
  'SpreadsheetApp.getUi',
  'ScriptApp.getAuthorizationInfo',
  'Session.getActiveUserLocale',
  'Session.getScriptTimeZone',
]);
const NONE_SERVICES = new Set([
  'Ui',
  'Menu',
  'Logger',
  'console',
  'Utilities',
  'Blob',
  'HtmlService',
  'HtmlOutput',
  'AuthorizationInfo',
  'PromptResponse',
]);

const LIMITED_DENIED = new Set([
  'SpreadsheetApp.openById',
  'SpreadsheetApp.openByUrl',
  'SpreadsheetApp.create',
  'ScriptApp.newTrigger',
  'ScriptApp.getProjectTriggers',
  'ScriptApp.getUserTriggers',
  'ScriptApp.deleteTrigger',
  'ScriptApp.getOAuthToken',
]);
const LIMITED_DENIED_SERVICES = new Set(['MailApp', 'FormApp']);

export function checkAuthorization(execution: Execution, service: string, method: string): void {
  const key = `${service}.${method}`;
  let denied = false;
  if (execution.authMode === AuthMode.NONE) denied = !NONE_SERVICES.has(service) && !NONE_ALLOWED.has(key);
  else if (execution.authMode === AuthMode.LIMITED)
    denied = LIMITED_DENIED.has(key) || LIMITED_DENIED_SERVICES.has(service);
  if (denied) {
    const scope = SCOPES[service] ?? 'https://www.googleapis.com/auth/script.external_request';
    throw new Exception(`You do not have permission to call ${key}. Required permissions: ${scope}`);
  }
}
