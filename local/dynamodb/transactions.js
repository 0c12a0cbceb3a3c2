'use strict'
// TransactWriteItems and TransactGetItems on top of dynalite.
//
// How conditions are evaluated
// ----------------------------
// Every request to the front server runs one at a time (server.js), so while a transaction runs nothing
// else reads or writes. Within that window a transaction:
//   1. validates the request with dynalite's own validation code (validations/index.js checkTypes and
//      checkValidations with a type description of TransactWriteItems, then per action the `custom`
//      validator of PutItem / UpdateItem / DeleteItem). That is the code dynalite runs for a plain PutItem,
//      so expressions are parsed by dynalite's PEG parsers (db/conditionParser.js, db/updateParser.js)
//      with the same error messages, unused ExpressionAttributeNames/Values are rejected, numbers are
//      normalised, and so on;
//   2. reads the current version of every item with a consistent GetItem against dynalite;
//   3. evaluates each ConditionExpression with dynalite's db.checkConditional(), the very function
//      dynalite's putItem/updateItem/deleteItem call on the parsed condition and the stored item. No
//      second expression engine is written here, so a condition means in a transaction exactly what it
//      means in a conditional PutItem;
//   4. if every condition holds, applies the writes through dynalite's PutItem/UpdateItem/DeleteItem,
//      keeping their conditions: each action targets a different item and nothing else runs meanwhile,
//      so the condition sees the same item as in step 3 and holds again. Update expressions are
//      evaluated by dynalite itself when applied; if one fails (say `SET n = n - :one` on a missing n) or
//      anything else goes wrong midway, the items already written are put back to the versions read in
//      step 2 (or deleted if they did not exist) and the transaction is cancelled with a ValidationError
//      reason, so the outcome is still all or nothing.
// The alternatives were worse: a conditional no-op write against dynalite cannot check a condition
// without writing, a scratch copy table doubles every write and still needs the item copied first, and an
// own evaluator would drift from dynalite's semantics.

const validations = require('dynalite/validations')
const db = require('dynalite/db')
const putItemValidation = require('dynalite/validations/putItem')
const updateItemValidation = require('dynalite/validations/updateItem')
const deleteItemValidation = require('dynalite/validations/deleteItem')
const getItemValidation = require('dynalite/validations/getItem')
const { ApiError, DYNAMODB, dynamoError, isApiError, validationError } = require('./protocol')

const IDEMPOTENCY_WINDOW_MS = 10 * 60 * 1000
const MAX_ACTIONS = 100

// What dynalite's validators need of its store: only the maximum item size (PutItem's custom check).
const VALIDATION_STORE = { options: { maxItemSize: 400 * 1024 } }

const TABLE_NAME = { type: 'String', notNull: true, regex: '[a-zA-Z0-9_.-]+', lengthGreaterThanOrEqual: 3, lengthLessThanOrEqual: 255 }
const ATTRIBUTE_MAP = { type: 'Map<AttributeValue>', notNull: true, children: 'AttrStruct<ValueStruct>' }
const NAMES = { type: 'Map<java.lang.String>', children: 'String' }
const VALUES = { type: 'Map<AttributeValue>', children: 'AttrStruct<ValueStruct>' }
const ON_CONDITION_FAILURE = { type: 'String', enum: [ 'ALL_OLD', 'NONE' ] }
const CONSUMED_CAPACITY = { type: 'String', enum: [ 'INDEXES', 'TOTAL', 'NONE' ] }

function conditional (fields) {
  return Object.assign({
    ConditionExpression: { type: 'String' },
    ExpressionAttributeNames: NAMES,
    ExpressionAttributeValues: VALUES,
    ReturnValuesOnConditionCheckFailure: ON_CONDITION_FAILURE,
  }, fields)
}

const TRANSACT_WRITE_TYPES = {
  ClientRequestToken: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 36 },
  ReturnConsumedCapacity: CONSUMED_CAPACITY,
  ReturnItemCollectionMetrics: { type: 'String', enum: [ 'SIZE', 'NONE' ] },
  TransactItems: {
    type: 'List',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: MAX_ACTIONS,
    children: {
      type: 'ValueStruct<TransactWriteItem>',
      children: {
        ConditionCheck: {
          type: 'FieldStruct<ConditionCheck>',
          children: conditional({ TableName: TABLE_NAME, Key: ATTRIBUTE_MAP, ConditionExpression: { type: 'String', notNull: true } }),
        },
        Put: { type: 'FieldStruct<Put>', children: conditional({ TableName: TABLE_NAME, Item: ATTRIBUTE_MAP }) },
        Delete: { type: 'FieldStruct<Delete>', children: conditional({ TableName: TABLE_NAME, Key: ATTRIBUTE_MAP }) },
        Update: {
          type: 'FieldStruct<Update>',
          children: conditional({ TableName: TABLE_NAME, Key: ATTRIBUTE_MAP, UpdateExpression: { type: 'String', notNull: true } }),
        },
      },
    },
  },
}

const TRANSACT_GET_TYPES = {
  ReturnConsumedCapacity: CONSUMED_CAPACITY,
  TransactItems: {
    type: 'List',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: MAX_ACTIONS,
    children: {
      type: 'ValueStruct<TransactGetItem>',
      children: {
        Get: {
          type: 'FieldStruct<Get>',
          notNull: true,
          children: {
            TableName: TABLE_NAME,
            Key: ATTRIBUTE_MAP,
            ProjectionExpression: { type: 'String' },
            ExpressionAttributeNames: NAMES,
          },
        },
      },
    },
  },
}

// Per action kind: dynalite's validator of the matching single-item operation, and that operation.
const KINDS = {
  ConditionCheck: { custom: deleteItemValidation.custom, operation: null },
  Put: { custom: putItemValidation.custom, operation: 'PutItem' },
  Delete: { custom: deleteItemValidation.custom, operation: 'DeleteItem' },
  Update: { custom: updateItemValidation.custom, operation: 'UpdateItem' },
}

/** Runs dynalite's type checks and validations; returns the cleaned request or throws an ApiError. */
function checkRequest (data, types) {
  const checked = validations.checkTypes(data, types)
  validations.checkValidations(checked, types, null, VALIDATION_STORE)
  return checked
}

function runCustom (custom, action) {
  const msg = custom(action, VALIDATION_STORE)
  if (msg) throw validationError(msg)
}

/**
 * The message of the ValidationError cancellation reason for an action that does not fit its table (a key
 * attribute missing or of the wrong type, a key with other attributes, an update of a key attribute...),
 * as DynamoDB reports these while running the transaction. An empty string or binary key value is instead
 * rejected up front with a ValidationException for the whole request, so that is thrown.
 */
function schemaMismatch (err) {
  if (/cannot contain an empty (string|binary) value/.test(err.body.message)) throw err
  return err.body.message
}

function cancelIfInvalid (messages) {
  if (messages.some((message) => message != null)) {
    throw transactionCanceled(messages.map((message) =>
      (message != null ? { Code: 'ValidationError', Message: message } : { Code: 'None' })))
  }
}

function keyOf (item, table) {
  const key = {}
  for (const { AttributeName } of table.KeySchema) key[AttributeName] = item[AttributeName]
  return key
}

function only (object, names) {
  const result = {}
  for (const name of names) if (object[name] != null) result[name] = object[name]
  return result
}

/** Canonical JSON (sorted keys) so that equal requests compare equal whatever the key order. */
function canonical (value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']'
  if (value && typeof value == 'object') {
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}'
  }
  return JSON.stringify(value)
}

function transactionCanceled (reasons) {
  return new ApiError(400, {
    __type: DYNAMODB + 'TransactionCanceledException',
    CancellationReasons: reasons,
    Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [' +
      reasons.map((r) => r.Code).join(', ') + ']',
  })
}

function writeUnits (item) {
  return item ? Math.ceil(db.itemSize(item) / 1024) : 1
}

function readUnits (item) {
  return item ? Math.ceil(db.itemSize(item) / 1024 / 4) : 1
}

/** ConsumedCapacity entries per table, transactional operations costing twice the plain ones. */
function consumedCapacity (mode, unitsByTable, kind) {
  if (mode != 'TOTAL' && mode != 'INDEXES') return undefined
  return [ ...unitsByTable ].map(([ TableName, units ]) => {
    const entry = { TableName, CapacityUnits: 2 * units }
    entry[kind] = 2 * units
    if (mode == 'INDEXES') entry.Table = { CapacityUnits: 2 * units, [kind]: 2 * units }
    return entry
  })
}

function createTransactions (call, log) {
  // ClientRequestToken -> { fingerprint, expires, response } of transactions that succeeded.
  const tokens = new Map()

  async function describeTables (names) {
    const tables = new Map()
    for (const name of new Set(names)) {
      try {
        tables.set(name, (await call('DescribeTable', { TableName: name })).Table)
      }
      catch (err) {
        if (isApiError(err) && /ResourceNotFoundException$/.test(err.body.__type)) {
          throw dynamoError('ResourceNotFoundException', 'Requested resource not found')
        }
        throw err
      }
    }
    return tables
  }

  async function getItem (tableName, key) {
    return (await call('GetItem', { TableName: tableName, Key: key, ConsistentRead: true })).Item
  }

  function rememberedResponse (token, fingerprint) {
    const now = Date.now()
    for (const [ t, entry ] of tokens) if (entry.expires <= now) tokens.delete(t)
    const entry = tokens.get(token)
    if (!entry) return null
    if (entry.fingerprint != fingerprint) {
      throw dynamoError('IdempotentParameterMismatchException',
        'DynamoDB rejected the request because you retried a request with a different payload but with an idempotent token that was already used.')
    }
    return entry.response
  }

  async function rollback (applied) {
    for (const action of applied.slice().reverse()) {
      try {
        if (action.existing) await call('PutItem', { TableName: action.tableName, Item: action.existing })
        else await call('DeleteItem', { TableName: action.tableName, Key: action.key })
      }
      catch (err) {
        log('ROLLBACK FAILED for ' + action.tableName + ' ' + JSON.stringify(action.key) + ': ' + (err.body ? JSON.stringify(err.body) : err.stack))
        throw dynamoError('InternalServerError', 'Transaction rollback failed; the local store may be inconsistent', 500)
      }
    }
  }

  async function transactWriteItems (data) {
    const request = checkRequest(data, TRANSACT_WRITE_TYPES)

    const actions = request.TransactItems.map((item) => {
      const kinds = Object.keys(KINDS).filter((kind) => item[kind] != null)
      if (kinds.length != 1) throw validationError('TransactItems can only contain one of Check, Put, Update or Delete')
      const kind = kinds[0]
      const params = item[kind]
      runCustom(KINDS[kind].custom, params)
      return { kind, params, tableName: params.TableName }
    })

    let fingerprint = null
    if (request.ClientRequestToken != null) {
      const { ClientRequestToken, ...rest } = request
      fingerprint = canonical(rest)
      const earlier = rememberedResponse(ClientRequestToken, fingerprint)
      if (earlier) return earlier
    }

    const tables = await describeTables(actions.map((a) => a.tableName))
    const seen = new Set()
    const mismatches = actions.map((action) => {
      const table = tables.get(action.tableName)
      const invalid = action.kind == 'Put' ? db.validateItem(action.params.Item, table) :
        db.validateKey(action.params.Key, table) ||
          (action.kind == 'Update' ? db.validateUpdates(null, action.params._updates, table) : null)
      if (invalid) return schemaMismatch(invalid)
      action.key = action.kind == 'Put' ? keyOf(action.params.Item, table) : action.params.Key
      const itemId = action.tableName + '\u0000' + db.createKey(action.key, table)
      if (seen.has(itemId)) throw validationError('Transaction request cannot include multiple operations on one item')
      seen.add(itemId)
      return null
    })
    cancelIfInvalid(mismatches)

    for (const action of actions) action.existing = await getItem(action.tableName, action.key)

    let failed = false
    const reasons = actions.map((action) => {
      if (db.checkConditional(action.params, action.existing) == null) return { Code: 'None' }
      failed = true
      const reason = { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }
      if (action.params.ReturnValuesOnConditionCheckFailure == 'ALL_OLD' && action.existing) reason.Item = action.existing
      return reason
    })
    if (failed) throw transactionCanceled(reasons)

    const applied = []
    for (const action of actions) {
      const operation = KINDS[action.kind].operation
      if (!operation) continue
      const fields = [ 'TableName', 'ConditionExpression', 'ExpressionAttributeNames', 'ExpressionAttributeValues' ]
      if (action.kind == 'Put') fields.push('Item')
      else fields.push('Key')
      if (action.kind == 'Update') fields.push('UpdateExpression')
      try {
        const result = await call(operation, Object.assign(only(action.params, fields),
          action.kind == 'Update' ? { ReturnValues: 'ALL_NEW' } : {}))
        action.written = action.kind == 'Put' ? action.params.Item : result.Attributes
        applied.push(action)
      }
      catch (err) {
        await rollback(applied.concat([ action ]))
        if (isApiError(err) && err.statusCode == 400) {
          const type = String(err.body.__type)
          const code = /ConditionalCheckFailedException$/.test(type) ? 'ConditionalCheckFailed' : 'ValidationError'
          throw transactionCanceled(actions.map((a) =>
            a === action ? { Code: code, Message: err.body.message || err.body.Message } : { Code: 'None' }))
        }
        throw err
      }
    }

    const units = new Map()
    for (const action of actions) {
      const size = Math.max(writeUnits(action.existing), writeUnits(action.written))
      units.set(action.tableName, (units.get(action.tableName) || 0) + size)
    }
    const response = {}
    const capacity = consumedCapacity(request.ReturnConsumedCapacity, units, 'WriteCapacityUnits')
    if (capacity) response.ConsumedCapacity = capacity
    if (fingerprint != null) {
      tokens.set(request.ClientRequestToken, { fingerprint, expires: Date.now() + IDEMPOTENCY_WINDOW_MS, response })
    }
    return response
  }

  async function transactGetItems (data) {
    const request = checkRequest(data, TRANSACT_GET_TYPES)
    const gets = request.TransactItems.map((item) => {
      runCustom(getItemValidation.custom, item.Get)
      return item.Get
    })
    const tables = await describeTables(gets.map((get) => get.TableName))
    cancelIfInvalid(gets.map((get) => {
      const table = tables.get(get.TableName)
      const invalid = db.validateKey(get.Key, table) ||
        db.validateKeyPaths((get._projection || {}).nestedPaths, table)
      return invalid ? schemaMismatch(invalid) : null
    }))
    const units = new Map()
    const responses = []
    for (const get of gets) {
      const item = await getItem(get.TableName, get.Key)
      units.set(get.TableName, (units.get(get.TableName) || 0) + readUnits(item))
      const projected = item && get._projection ? db.mapPaths(get._projection.paths, item) : item
      responses.push(projected ? { Item: projected } : {})
    }
    const response = { Responses: responses }
    const capacity = consumedCapacity(request.ReturnConsumedCapacity, units, 'ReadCapacityUnits')
    if (capacity) response.ConsumedCapacity = capacity
    return response
  }

  return { transactWriteItems, transactGetItems }
}

module.exports = { createTransactions, checkRequest }
