'use strict'
// UpdateTimeToLive / DescribeTimeToLive and the expiry of items, which dynalite does not do.
//
// The setting is kept in memory per table, tied to the table's CreationDateTime so that a table deleted
// and created again under the same name starts with TTL disabled, as on AWS. A sweep (server.js runs it
// every second) scans each table with TTL enabled and deletes the items whose TTL attribute is a Number
// of epoch seconds in the past. Like AWS it leaves alone items whose attribute is missing or not a
// Number, and items whose timestamp lies more than five years in the past.

const { checkRequest } = require('./transactions')
const { validationError } = require('./protocol')

const FIVE_YEARS_SECONDS = 5 * 365 * 24 * 60 * 60

const TABLE_NAME = { type: 'String', required: true, tableName: true, regex: '[a-zA-Z0-9_.-]+' }

const UPDATE_TYPES = {
  TableName: TABLE_NAME,
  TimeToLiveSpecification: {
    type: 'FieldStruct<TimeToLiveSpecification>',
    notNull: true,
    children: {
      AttributeName: { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 255 },
      Enabled: { type: 'Boolean', notNull: true },
    },
  },
}

const DESCRIBE_TYPES = { TableName: TABLE_NAME }

function createTimeToLive (call) {
  // table name -> { attributeName, created } for tables with TTL enabled
  const enabled = new Map()

  /** The table's description (dynalite's ResourceNotFoundException if missing) and its TTL setting. */
  async function current (tableName) {
    const table = (await call('DescribeTable', { TableName: tableName })).Table
    const setting = enabled.get(tableName)
    if (setting && setting.created !== table.CreationDateTime) {
      enabled.delete(tableName)
      return { table, setting: null }
    }
    return { table, setting }
  }

  async function updateTimeToLive (data) {
    const request = checkRequest(data, UPDATE_TYPES)
    const { table, setting } = await current(request.TableName)
    const spec = request.TimeToLiveSpecification
    if (spec.Enabled) {
      if (setting) throw validationError('TimeToLive is already enabled')
      enabled.set(request.TableName, { attributeName: spec.AttributeName, created: table.CreationDateTime })
    }
    else {
      if (!setting) throw validationError('TimeToLive is already disabled')
      enabled.delete(request.TableName)
    }
    return { TimeToLiveSpecification: { AttributeName: spec.AttributeName, Enabled: spec.Enabled } }
  }

  async function describeTimeToLive (data) {
    const request = checkRequest(data, DESCRIBE_TYPES)
    const { setting } = await current(request.TableName)
    return {
      TimeToLiveDescription: setting ?
        { TimeToLiveStatus: 'ENABLED', AttributeName: setting.attributeName } :
        { TimeToLiveStatus: 'DISABLED' },
    }
  }

  /**
   * The units of work of one sweep: one function per table with TTL enabled, each deleting one page of
   * expired items and returning whether more pages remain. The caller runs each under the lock.
   */
  function sweepTasks () {
    return [ ...enabled.keys() ].map((tableName) => {
      let startKey
      return async function sweepPage () {
        let table, setting
        try {
          ({ table, setting } = await current(tableName))
        }
        catch {
          enabled.delete(tableName)
          return false
        }
        if (!setting) return false
        const now = Math.floor(Date.now() / 1000)
        const names = { '#ttl': setting.attributeName }
        const keyNames = table.KeySchema.map((k) => k.AttributeName)
        keyNames.forEach((name, i) => { names['#k' + i] = name })
        const page = await call('Scan', {
          TableName: tableName,
          ConsistentRead: true,
          FilterExpression: '#ttl < :now AND #ttl >= :oldest',
          ProjectionExpression: keyNames.map((_, i) => '#k' + i).join(', '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':now': { N: String(now) }, ':oldest': { N: String(now - FIVE_YEARS_SECONDS) } },
          ExclusiveStartKey: startKey,
        })
        for (const key of page.Items) await call('DeleteItem', { TableName: tableName, Key: key })
        startKey = page.LastEvaluatedKey
        return startKey != null
      }
    })
  }

  return { updateTimeToLive, describeTimeToLive, sweepTasks, hasTables: () => enabled.size > 0 }
}

module.exports = { createTimeToLive }
