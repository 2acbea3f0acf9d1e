'use strict';
// User import jobs for fake-cognito.js, as the Cognito API reference describes them, and the S3 side they need:
//   GetCSVHeader (the pool's columns: the standard attributes, its custom ones, cognito:mfa_enabled, cognito:username);
//   CreateUserImportJob (JobName and CloudWatchLogsRoleArn checked; Status Created; a PreSignedUrl served by this process);
//   PUT /upload/<job id> (as S3 does: without x-amz-server-side-encryption: aws:kms, 403 SignatureDoesNotMatch in S3's
//     XML; over 100 MB, 400 EntityTooLarge);
//   StartUserImportJob (only a Created job; Pending, then InProgress, then Succeeded, or Failed for a header that is not
//     GetCSVHeader's), processed in the background: each row creates its user in RESET_REQUIRED, or counts as failed
//     (no cognito:username, a user that exists, a boolean that is not true/false, a username attribute without its
//     verified flag; a job whose name starts with "slow" takes one row a second); StopUserImportJob (Pending or InProgress: Stopping, then Stopped); DescribeUserImportJob;
//   ListUserImportJobs (MaxResults 1-60, PaginationToken, newest first).
const crypto = require('crypto');

const standardColumns = ['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture',
  'website', 'email', 'email_verified', 'gender', 'birthdate', 'zoneinfo', 'locale', 'phone_number', 'phone_number_verified', 'address',
  'updated_at'];
const booleans = new Set(['email_verified', 'phone_number_verified', 'cognito:mfa_enabled']);
const maxUpload = 100 * 1024 * 1024;
const invalid = (message) => [400, 'InvalidParameterException', message];

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

module.exports = ({ now, pools, settingsOf, newUser, listenAddress }) => {
  const jobs = new Map(); // job id -> job (with its pool and uploaded file)
  const stats = { uploads: 0, refusedUploads: 0 };

  const schemaOf = (pool) => [...standardColumns, ...(settingsOf(pool).customAttributes || [])];
  const headerOf = (pool) => [...schemaOf(pool), 'cognito:mfa_enabled', 'cognito:username'];
  const publicJob = (job) => {
    const { file, timer, ...visible } = job;
    return visible;
  };

  function rowProblem(pool, columns, cells, users) {
    const value = (name) => cells[columns.indexOf(name)] ?? '';
    const username = value('cognito:username');
    if (!username) return 'cognito:username is empty';
    if (users.has(username)) return 'the user exists';
    for (const name of columns) if (booleans.has(name) && value(name) !== '' && !['true', 'false'].includes(value(name).toLowerCase())) return `${name} is not a boolean`;
    for (const name of settingsOf(pool).usernameAttributes || []) {
      if (value(name) && value(`${name}_verified`).toLowerCase() !== 'true') return `${name} is a username attribute and must be verified`;
    }
    return null;
  }

  // Rows are processed a few hundred at a time, so a test sees Pending and InProgress before the end.
  function process(job) {
    const rows = parseCsv(job.file || '');
    const columns = rows.shift() || [];
    const expected = headerOf(job.UserPoolId);
    if (columns.length !== expected.length || !expected.every((c) => columns.includes(c))) {
      Object.assign(job, { Status: 'Failed', CompletionDate: now(), CompletionMessage: 'The CSV header does not match the one GetCSVHeader returns.' });
      return;
    }
    if (!pools.has(job.UserPoolId)) pools.set(job.UserPoolId, new Map());
    const users = pools.get(job.UserPoolId);
    let next = 0;
    const tick = () => {
      if (job.Status === 'Stopping') { Object.assign(job, { Status: 'Stopped', CompletionDate: now() }); return; }
      job.Status = 'InProgress';
      const slow = /^slow/.test(job.JobName); // a job named slow… takes a row a second, for tests that act while it runs
      for (const end = Math.min(rows.length, next + (slow ? 1 : 500)); next < end; next++) {
        const cells = rows[next];
        if (cells.length === 1 && cells[0] === '') continue;
        const problem = rowProblem(job.UserPoolId, columns, cells, users);
        if (problem) { job.FailedUsers++; continue; }
        const attributes = columns.map((name, i) => ({ Name: name, Value: cells[i] }))
          .filter((a) => a.Value !== '' && !a.Name.startsWith('cognito:'));
        const u = newUser(cells[columns.indexOf('cognito:username')], 'RESET_REQUIRED', attributes);
        users.set(u.Username, u);
        job.ImportedUsers++;
      }
      if (next < rows.length) { job.timer = setTimeout(tick, slow ? 1000 : 20); return; }
      Object.assign(job, { Status: 'Succeeded', CompletionDate: now(),
        CompletionMessage: job.FailedUsers ? 'Import Job Completed with failures: see CloudWatch Logs.' : 'Import Job Completed Successfully.' });
    };
    job.timer = setTimeout(tick, 150);
  }

  function findJob(input) {
    const job = jobs.get(input.JobId);
    return job && job.UserPoolId === input.UserPoolId ? job : null;
  }

  // Each: (input) -> [status, body] or [status, __type, message].
  const operations = {
    GetCSVHeader: (input) => [200, { UserPoolId: input.UserPoolId, CSVHeader: headerOf(input.UserPoolId) }],
    CreateUserImportJob(input) {
      if (typeof input.JobName !== 'string' || !/^[\w\s+=,.@-]{1,128}$/.test(input.JobName)) return invalid('1 validation error detected: Value at \'jobName\' failed to satisfy constraint');
      if (typeof input.CloudWatchLogsRoleArn !== 'string' || !/^arn:[\w+=/,.@-]+:iam::\d{12}:role\/[\w+=/,.@-]+$/.test(input.CloudWatchLogsRoleArn)) {
        return invalid('1 validation error detected: Value at \'cloudWatchLogsRoleArn\' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(\\/[\\w+=/,.@-]+)*');
      }
      const JobId = `import-${crypto.randomBytes(8).toString('hex')}`;
      const job = { JobName: input.JobName, JobId, UserPoolId: input.UserPoolId, CreationDate: now(), Status: 'Created',
        CloudWatchLogsRoleArn: input.CloudWatchLogsRoleArn, ImportedUsers: 0, SkippedUsers: 0, FailedUsers: 0,
        PreSignedUrl: `http://${listenAddress()}/upload/${JobId}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-SignedHeaders=host%3Bx-amz-server-side-encryption&X-Amz-Signature=${crypto.randomBytes(32).toString('hex')}` };
      jobs.set(JobId, job);
      return [200, { UserImportJob: publicJob(job) }];
    },
    StartUserImportJob(input) {
      const job = findJob(input);
      if (!job) return [400, 'ResourceNotFoundException', 'Import job not found.'];
      if (job.Status !== 'Created') return invalid(`The job is in status ${job.Status}; only a job in status Created can be started.`);
      Object.assign(job, { Status: 'Pending', StartDate: now() });
      process(job);
      return [200, { UserImportJob: publicJob(job) }];
    },
    StopUserImportJob(input) {
      const job = findJob(input);
      if (!job) return [400, 'ResourceNotFoundException', 'Import job not found.'];
      if (!['Pending', 'InProgress'].includes(job.Status)) return invalid(`The job is in status ${job.Status} and cannot be stopped.`);
      job.Status = 'Stopping';
      return [200, { UserImportJob: publicJob(job) }];
    },
    DescribeUserImportJob(input) {
      const job = findJob(input);
      return job ? [200, { UserImportJob: publicJob(job) }] : [400, 'ResourceNotFoundException', 'Import job not found.'];
    },
    ListUserImportJobs(input) {
      const max = input.MaxResults;
      if (!Number.isInteger(max) || max < 1 || max > 60) return invalid(`1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint`);
      const all = [...jobs.values()].filter((j) => j.UserPoolId === input.UserPoolId).reverse();
      const start = input.PaginationToken ? Number(Buffer.from(input.PaginationToken, 'base64').toString('utf8')) : 0;
      if (!Number.isInteger(start) || start < 0) return invalid('Invalid pagination token.');
      const body = { UserImportJobs: all.slice(start, start + max).map(publicJob) };
      if (start + max < all.length) body.PaginationToken = Buffer.from(String(start + max)).toString('base64');
      return [200, body];
    },
  };

  // PUT /upload/<job id>: S3's answers, in S3's XML.
  function upload(req, res, body) {
    const s3Error = (status, code, message) => {
      const text = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${crypto.randomBytes(8).toString('hex').toUpperCase()}</RequestId></Error>`;
      res.writeHead(status, { 'Content-Type': 'application/xml', 'x-amz-request-id': crypto.randomBytes(8).toString('hex').toUpperCase() });
      res.end(text);
    };
    const job = jobs.get(req.url.split('?')[0].slice('/upload/'.length));
    if (req.method !== 'PUT' || !job) return s3Error(403, 'AccessDenied', 'Access Denied');
    if (req.headers['x-amz-server-side-encryption'] !== 'aws:kms') {
      stats.refusedUploads++;
      return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
    }
    if (body.length > maxUpload) return s3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    stats.uploads++;
    job.file = body.toString('utf8');
    res.writeHead(200, { ETag: `"${crypto.createHash('md5').update(body).digest('hex')}"` });
    res.end();
  }

  return { operations, upload, stats, schemaOf, reset: () => { for (const job of jobs.values()) clearTimeout(job.timer); jobs.clear(); stats.uploads = 0; stats.refusedUploads = 0; } };
};
