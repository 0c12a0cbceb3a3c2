#!/usr/bin/env node
'use strict'
// Kippu's local DynamoDB: dynalite (in memory, in this process) behind a front server that adds
// TransactWriteItems, TransactGetItems, UpdateTimeToLive/DescribeTimeToLive and TTL expiry.
//
//   node local/dynamodb/server.js --port 8000 [--ttl-sweep-ms 1000]
//
// Every request is served one at a time (a single async queue), which makes the multi-item operations
// implemented here atomic with respect to everything else. Requests for the operations dynalite
// implements are forwarded to it unchanged and its response (status, headers, body) is piped back as is;
// the request body is read completely before the request joins the queue, so a slow upload never holds
// the lock, and is then sent to dynalite byte for byte. See transactions.js for how conditions are
// evaluated and README.md for what differs from AWS.

const http = require('http')
const dynalite = require('dynalite')
const { authenticationError, dynaliteClient, isApiError, sendJson } = require('./protocol')
const { createTransactions } = require('./transactions')
const { createTimeToLive } = require('./ttl')

// DynamoDB's limit for a request (and dynalite's), checked here for every request, so that the answer is
// always the same AWS-shaped 413 (dynalite's own has no body) and no more than this is ever buffered.
const MAX_REQUEST_BYTES = 16 * 1024 * 1024
const UPSTREAM_TIMEOUT_MS = 120 * 1000
// Connection-level headers that belong to one hop and are not forwarded.
const HOP_BY_HOP = new Set([ 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'expect', 'te', 'trailer' ])
const INTERNAL_ERROR = { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error' }
const JSON_WHITESPACE = new Set([ 0x20, 0x09, 0x0A, 0x0D ])

function parseArgs (argv) {
  const options = { port: 8000, ttlSweepMs: 1000 }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [ name, inline ] = arg.split('=', 2)
    const value = () => (inline != null ? inline : argv[++i])
    if (name == '--port') options.port = Number(value())
    else if (name == '--ttl-sweep-ms') options.ttlSweepMs = Number(value())
    else if (name == '--help' || name == '-h') {
      console.log('usage: node server.js --port N [--ttl-sweep-ms MS]')
      process.exit(0)
    }
    else {
      console.error('unknown argument: ' + arg)
      process.exit(2)
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    console.error('--port must be a port number')
    process.exit(2)
  }
  if (!(options.ttlSweepMs > 0)) {
    console.error('--ttl-sweep-ms must be a positive number')
    process.exit(2)
  }
  return options
}

/** One request (or one unit of background work) at a time, in arrival order. */
function serialQueue () {
  let tail = Promise.resolve()
  return function run (task) {
    const result = tail.then(task)
    tail = result.then(() => undefined, () => undefined)
    return result
  }
}

/** Whether a body cannot be a JSON object although it has content: its first character after white space is not `{`. */
function notAnObject (body) {
  const first = body.find((byte) => !JSON_WHITESPACE.has(byte))
  return first !== undefined && first != 0x7B
}

function log (message) {
  console.log(new Date().toISOString() + ' ' + message)
}

function main () {
  const options = parseArgs(process.argv.slice(2))
  const upstream = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
  const queue = serialQueue()
  let call, transactions, timeToLive, sweepTimer, front

  // The operations served here instead of by dynalite.
  const own = {
    TransactWriteItems: (data) => transactions.transactWriteItems(data),
    TransactGetItems: (data) => transactions.transactGetItems(data),
    UpdateTimeToLive: (data) => timeToLive.updateTimeToLive(data),
    DescribeTimeToLive: (data) => timeToLive.describeTimeToLive(data),
  }

  function forward (req, res, body) {
    return new Promise((resolve) => {
      let done = false
      const finish = () => {
        if (!done) {
          done = true
          resolve()
        }
      }
      const headers = {}
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i]
        if (!HOP_BY_HOP.has(name.toLowerCase()) && name.toLowerCase() != 'content-length') headers[name] = req.rawHeaders[i + 1]
      }
      if (body.length || req.headers['content-length'] != null || req.headers['transfer-encoding'] != null) {
        headers['Content-Length'] = body.length
      }
      const proxied = http.request({
        host: '127.0.0.1',
        port: upstream.address().port,
        method: req.method,
        path: req.url,
        headers,
        agent: forwardAgent,
      }, (upstreamRes) => {
        const responseHeaders = {}
        for (let i = 0; i < upstreamRes.rawHeaders.length; i += 2) {
          const name = upstreamRes.rawHeaders[i]
          if (!HOP_BY_HOP.has(name.toLowerCase())) responseHeaders[name] = upstreamRes.rawHeaders[i + 1]
        }
        upstreamRes.on('end', finish)
        upstreamRes.on('close', finish)
        upstreamRes.on('error', () => {
          res.destroy()
          finish()
        })
        // If the client has gone, keep draining dynalite's answer so that the lock is released.
        res.on('close', () => upstreamRes.resume())
        res.writeHead(upstreamRes.statusCode, upstreamRes.statusMessage, responseHeaders)
        upstreamRes.pipe(res)
      })
      proxied.setTimeout(UPSTREAM_TIMEOUT_MS, () => proxied.destroy(new Error('dynalite did not answer within ' + UPSTREAM_TIMEOUT_MS + ' ms')))
      proxied.on('error', (err) => {
        log('forwarding ' + (req.headers['x-amz-target'] || req.method) + ' failed: ' + err.message)
        if (!res.headersSent) {
          sendJson(req, res, 500, { ...INTERNAL_ERROR, message: err.message })
        }
        else res.destroy()
        finish()
      })
      proxied.end(body)
    })
  }

  async function serveOwn (req, res, operation, body) {
    try {
      if (!body.length) {
        return sendJson(req, res, 400, { __type: 'com.amazon.coral.service#SerializationException' })
      }
      let data
      try {
        data = JSON.parse(body.toString('utf8'))
      }
      catch {
        return sendJson(req, res, 400, { __type: 'com.amazon.coral.service#SerializationException' })
      }
      const authError = authenticationError(req)
      if (authError) return sendJson(req, res, authError.statusCode, authError.body)
      // JSON that is not an object cannot be read as the operation's input, and DynamoDB reports input
      // it cannot read (not JSON, an empty body, a list or a number where a structure belongs) as a
      // SerializationException; a ValidationException is for input that was read but breaks a constraint.
      if (data == null || typeof data != 'object' || Array.isArray(data)) {
        return sendJson(req, res, 400, { __type: 'com.amazon.coral.service#SerializationException' })
      }
      const result = await own[operation](data)
      sendJson(req, res, 200, result)
    }
    catch (err) {
      if (isApiError(err)) return sendJson(req, res, err.statusCode, err.body)
      log(operation + ' failed: ' + (err && err.stack ? err.stack : err))
      sendJson(req, res, 500, INTERNAL_ERROR)
    }
  }

  /** The operation a DynamoDB JSON request (POST, JSON content type, this API version's target) names, or null. */
  function jsonOperation (req) {
    if (req.method != 'POST') return null
    const contentType = (req.headers['content-type'] || '').split(';')[0].trim()
    if (contentType != 'application/json' && contentType != 'application/x-amz-json-1.0') return null
    const target = (req.headers['x-amz-target'] || '').split('.')
    if (target.length != 2 || target[0] != 'DynamoDB_20120810') return null
    return target[1]
  }

  function handle (req, res) {
    const chunks = []
    let size = 0
    req.on('data', (chunk) => {
      size += chunk.length
      // Past the limit the rest is read and dropped: a connection closed while the client is still
      // sending reaches it as a reset, not as the 413.
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk)
    })
    req.on('error', () => res.destroy())
    req.on('end', () => {
      if (size > MAX_REQUEST_BYTES) {
        return sendJson(req, res, 413, {
          __type: 'com.amazon.coral.service#RequestEntityTooLargeException',
          message: 'Request size ' + size + ' exceeds the maximum of ' + MAX_REQUEST_BYTES + ' bytes',
        })
      }
      const body = Buffer.concat(chunks)
      const operation = jsonOperation(req)
      const isOwn = operation != null && Object.prototype.hasOwnProperty.call(own, operation)
      // dynalite crashes on a body of null and reads any other JSON that is not an object as {}: serveOwn
      // answers such bodies for every operation, before it would run one.
      const rejected = operation != null && notAnObject(body)
      queue(() => (isOwn || rejected ? serveOwn(req, res, operation, body) : forward(req, res, body)))
        .catch((err) => {
          log('request failed: ' + (err && err.stack ? err.stack : err))
          if (res.headersSent) res.destroy()
          else sendJson(req, res, 500, INTERNAL_ERROR)
        })
    })
  }

  async function sweep () {
    for (const task of timeToLive.sweepTasks()) {
      // one page per turn of the lock, so a big table does not stall other requests
      while (await queue(task)) { /* next page */ }
    }
  }

  function scheduleSweep () {
    sweepTimer = setTimeout(() => {
      const work = timeToLive.hasTables() ? sweep() : Promise.resolve()
      work.catch((err) => log('TTL sweep failed: ' + (err && err.body ? JSON.stringify(err.body) : err && err.stack))).finally(scheduleSweep)
    }, options.ttlSweepMs)
  }

  let forwardAgent
  function shutdown (signal) {
    log('received ' + signal + ', stopping')
    clearTimeout(sweepTimer)
    if (front) {
      front.close()
      front.closeAllConnections()
    }
    if (forwardAgent) forwardAgent.destroy()
    if (call) call.close()
    setTimeout(() => process.exit(0), 2000).unref()
    upstream.close(() => process.exit(0))
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))

  upstream.on('error', (err) => {
    console.error('dynalite could not start: ' + err.message)
    process.exit(1)
  })

  // dynalite throws from its request handler on some bodies it cannot validate (a null inside an item,
  // say), which in this process would end every stand-in at once. Instead the request dynalite is serving
  // (one at a time: all calls to it go through the queue) is answered with a 500, which also releases the
  // queue. The throws seen come from validation, before anything is written.
  const upstreamRequests = new Map() // dynalite's response -> its request, until answered
  upstream.prependListener('request', (req, res) => {
    upstreamRequests.set(res, req)
    res.on('close', () => upstreamRequests.delete(res))
  })
  process.on('uncaughtException', (err) => {
    log('uncaught error, answering the request in progress with 500: ' + (err && err.stack ? err.stack : err))
    for (const [ res, req ] of upstreamRequests) {
      if (res.headersSent) res.destroy()
      else sendJson(req, res, 500, INTERNAL_ERROR)
    }
  })
  // Connections from this process to dynalite stay open: no idle timeout to race against on reuse.
  upstream.keepAliveTimeout = 0
  upstream.listen(0, '127.0.0.1', () => {
    const upstreamPort = upstream.address().port
    forwardAgent = new http.Agent({ keepAlive: true, maxSockets: 4 })
    call = dynaliteClient(upstreamPort)
    transactions = createTransactions(call, log)
    timeToLive = createTimeToLive(call)

    front = http.createServer(handle)
    front.on('error', (err) => {
      console.error('cannot listen on 127.0.0.1:' + options.port + ': ' + err.message)
      process.exit(1)
    })
    front.listen(options.port, '127.0.0.1', () => {
      log('DynamoDB stand-in listening on http://127.0.0.1:' + front.address().port +
        ' (dynalite on 127.0.0.1:' + upstreamPort + '; adds transactions and TTL)')
      scheduleSweep()
    })
  })
}

main()
