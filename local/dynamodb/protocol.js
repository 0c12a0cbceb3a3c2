'use strict'
// The DynamoDB JSON protocol as seen by the front server: responses it writes itself (with the
// x-amz-crc32 checksum the AWS SDKs verify), API errors, the authentication checks dynalite applies to
// every request, and a small client for calling the in-process dynalite over loopback HTTP.

const http = require('http')
const crypto = require('crypto')

// CRC-32 (IEEE 802.3, as in zlib and x-amz-crc32). zlib.crc32 only exists from Node 22.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32 (buffer) {
  let c = 0xFFFFFFFF
  for (let i = 0; i < buffer.length; i++) c = CRC_TABLE[(c ^ buffer[i]) & 0xFF] ^ (c >>> 8)
  return (c ^ 0xFFFFFFFF) >>> 0
}

// Same shape as dynalite's (and DynamoDB's) request ids: 52 upper-case base64-ish characters.
function requestId () {
  return crypto.randomBytes(39).toString('base64').toUpperCase().replace(/\+|\//g, '0')
}

/** An error that becomes a DynamoDB error response: statusCode plus a JSON body with __type. */
class ApiError extends Error {
  constructor (statusCode, body) {
    super(body.message || body.Message || body.__type)
    this.statusCode = statusCode
    this.body = body
  }
}

const DYNAMODB = 'com.amazonaws.dynamodb.v20120810#'

function validationError (message) {
  return new ApiError(400, { __type: 'com.amazon.coral.validate#ValidationException', message })
}

function dynamoError (type, message, statusCode = 400) {
  return new ApiError(statusCode, { __type: DYNAMODB + type, message })
}

/** Errors thrown by dynalite's own validation functions carry { statusCode, body } too. */
function isApiError (err) {
  return err != null && typeof err.statusCode == 'number' && err.body != null && typeof err.body == 'object'
}

/** dynalite answers application/json requests with application/json, everything else with x-amz-json-1.0. */
function responseContentType (req) {
  const requested = (req.headers['content-type'] || '').split(';')[0].trim()
  return requested == 'application/json' ? 'application/json' : 'application/x-amz-json-1.0'
}

function sendJson (req, res, statusCode, data) {
  const body = Buffer.from(JSON.stringify(data), 'utf8')
  res.writeHead(statusCode, {
    'x-amzn-RequestId': requestId(),
    'x-amz-crc32': String(crc32(body)),
    'Content-Type': responseContentType(req),
    'Content-Length': body.length,
  })
  res.end(body)
}

/**
 * The checks dynalite makes before any operation (index.js of dynalite 4.0.0), so that the operations
 * implemented here reject unauthenticated requests exactly as the ones dynalite implements. Returns an
 * ApiError or null.
 */
function authenticationError (req) {
  const authHeader = req.headers.authorization
  const query = new URL(req.url, 'http://localhost').searchParams
  const authQuery = query.has('X-Amz-Algorithm')
  const coral = 'com.amazon.coral.service#'

  if (authHeader && authQuery) {
    return new ApiError(400, {
      __type: coral + 'InvalidSignatureException',
      message: 'Found both \'X-Amz-Algorithm\' as a query-string param and \'Authorization\' as HTTP header.',
    })
  }
  if ((!authHeader && !authQuery) || (authHeader && authHeader.trim().slice(0, 5) != 'AWS4-')) {
    return new ApiError(400, {
      __type: coral + 'MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    })
  }
  let msg = ''
  if (authHeader) {
    const authParams = {}
    authHeader.split(/,| /).slice(1).filter(Boolean).forEach((pair) => {
      const [ key, value ] = pair.trim().split('=')
      authParams[key] = value
    })
    for (const param of [ 'Credential', 'Signature', 'SignedHeaders' ]) {
      if (!authParams[param]) msg += 'Authorization header requires \'' + param + '\' parameter. '
    }
    if (!req.headers['x-amz-date'] && !req.headers.date) {
      msg += 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header. '
    }
    if (msg) msg += 'Authorization=' + authHeader
  }
  else {
    for (const param of [ 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date' ]) {
      if (!query.get(param)) msg += 'AWS query-string parameters must include \'' + param + '\'. '
    }
    if (msg) msg += 'Re-examine the query-string parameters.'
  }
  return msg ? new ApiError(400, { __type: coral + 'IncompleteSignatureException', message: msg }) : null
}

function amzDate () {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')
}

/**
 * A client for the in-process dynalite: call('GetItem', {...}) resolves with the parsed response or
 * rejects with an ApiError carrying dynalite's status and error body unchanged. dynalite only checks
 * that a well-formed AWS4 Authorization header is present, never the signature.
 */
function dynaliteClient (port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })
  function call (operation, payload) {
    return new Promise((resolve, reject) => {
      const body = Buffer.from(JSON.stringify(payload), 'utf8')
      const date = amzDate()
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        agent,
        headers: {
          'Content-Type': 'application/x-amz-json-1.0',
          'Content-Length': body.length,
          'X-Amz-Target': 'DynamoDB_20120810.' + operation,
          'X-Amz-Date': date,
          Authorization: 'AWS4-HMAC-SHA256 Credential=kippu/' + date.slice(0, 8) +
            '/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
        },
      }, (res) => {
        const chunks = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let data
          try {
            data = text ? JSON.parse(text) : {}
          }
          catch {
            return reject(new Error('dynalite answered ' + operation + ' with ' + res.statusCode + ': ' + text))
          }
          if (res.statusCode == 200) resolve(data)
          else reject(new ApiError(res.statusCode, data))
        })
      })
      req.on('error', reject)
      req.end(body)
    })
  }
  call.close = () => agent.destroy()
  return call
}

module.exports = {
  ApiError,
  DYNAMODB,
  authenticationError,
  crc32,
  dynaliteClient,
  dynamoError,
  isApiError,
  requestId,
  sendJson,
  validationError,
}
