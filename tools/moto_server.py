"""moto server, applying one request at a time, with transactions that cost what they touch.

1. moto checks a DynamoDB condition and then writes, in two steps; under moto's threaded server two
   concurrent requests can both pass the check. DynamoDB itself applies conditional writes and
   transactions atomically, so our race tests need an emulator that does too. This runs the same moto
   application behind a lock: connections are still served concurrently (each request is read in
   full before it queues for the lock), requests are applied one after the other (which is
   serializable, as DynamoDB's per-item conditions are).
2. moto backs up every table a TransactWriteItems names, by deep-copying the whole table (once per
   item), to roll back a cancelled transaction: a transaction costs time in proportion to the table's
   size, which no DynamoDB table does. Here the backup is of the items the transaction touches, and a
   cancelled transaction restores exactly those: the same all-or-nothing result, at the cost of the
   transaction itself. moto writes a stream record for each step it applied, and for each step of its
   undoing; a cancelled transaction drops them all, as DynamoDB's stream never shows one.
3. moto answers a Query by sorting and filtering every item of the table: its cost grows with the
   table, where DynamoDB reads only the queried partition. Here a Query of the table reads its
   partition's items, and each index's items are grouped by their partition key once per state of the
   tables (any DynamoDB write starts a new state), so a Query of an index filters only its partition's
   items; what either answers is unchanged.

Usage: python tools/moto_server.py -H 127.0.0.1 -p 4566
"""
import argparse
import copy
import io
import os
import threading

import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models.dynamo_type import Item
from moto.dynamodb.models.table import SecondaryIndex
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import run_simple


class Serialized:
    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        # read the request before taking the lock: a client that dies or stalls mid-request (a function
        # killed at its timeout) must not hold up everyone else's requests
        length = int(environ.get("CONTENT_LENGTH") or 0)
        environ["wsgi.input"] = io.BytesIO(environ["wsgi.input"].read(length) if length else b"")
        with self.lock:
            _note_write(environ)
            # materialise the response inside the lock: the request is applied when this returns
            return list(self.app(environ, start_response))


# DynamoDB's operations that change no table; any other DynamoDB request starts a new state of the tables
_DYNAMODB_READS = {"GetItem", "BatchGetItem", "Query", "Scan", "DescribeTable", "ListTables",
                   "DescribeTimeToLive", "DescribeContinuousBackups", "ListTagsOfResource"}
_tables_state = [0]


def _note_write(environ):
    service, _, operation = environ.get("HTTP_X_AMZ_TARGET", "").partition(".")
    if service.startswith("DynamoDB_") and operation not in _DYNAMODB_READS:
        _tables_state[0] += 1


def _query_reading_only_its_partition(original):
    def query(self, *args, **kwargs):
        index_name = args[7] if len(args) > 7 else kwargs.get("index_name")
        conditions = kwargs.get("hash_key_conditions")
        if not index_name:
            partition = self.items.get(args[0]) if args and args[0] is not None else None
            candidates = list(partition.values()) if isinstance(partition, dict) else [partition] if partition else []
            return _reading_only(self, candidates, original, args, kwargs)
        if not conditions:
            return original(self, *args, **kwargs)
        names = tuple(name for name, _ in conditions)
        partitions = self.__dict__.setdefault("_partitions_by_index", {})
        state, groups = partitions.get((index_name, names), (None, None))
        if state != _tables_state[0]:
            groups = {}
            for item in type(self).all_items(self):
                values = tuple(item.attrs.get(name) for name in names)
                if all(value is not None for value in values):
                    groups.setdefault(tuple((v.type, str(v.value)) for v in values), []).append(item)
            partitions[(index_name, names)] = (_tables_state[0], groups)
        wanted = tuple((value.type, str(value.value)) for _, value in conditions)
        return _reading_only(self, list(groups.get(wanted, ())), original, args, kwargs)

    return query


def _reading_only(table, candidates, query, args, kwargs):
    table.all_items = lambda: candidates
    try:
        return query(table, *args, **kwargs)
    finally:
        del table.all_items


def _projecting_by_name(original):
    def project(self, item):
        projection = self.projection or {}
        if projection.get("ProjectionType") != "INCLUDE":
            return original(self, item)
        wanted = set(self.table_key_attrs) | {key["AttributeName"] for key in self.schema}
        wanted |= set(projection.get("NonKeyAttributes", []))
        return Item(hash_key=item.hash_key, range_key=item.range_key,
                    attrs={name: value for name, value in item.attrs.items() if name in wanted})

    return project


class _TablesAreNotCopied:
    """Stands in for the copy module inside moto's DynamoDB backend: tables are not deep-copied."""

    def __getattr__(self, name):
        return getattr(copy, name)

    @staticmethod
    def deepcopy(value, memo=None):
        return value if isinstance(value, dynamodb_models.Table) else copy.deepcopy(value, memo)


def _item_key(backend, operation_type, operation):
    if operation_type == "Put":
        table = backend.get_table(operation["TableName"])
        key = {table.hash_key_attr: operation["Item"][table.hash_key_attr]}
        if table.range_key_attr is not None:
            key[table.range_key_attr] = operation["Item"][table.range_key_attr]
        return key
    return operation["Key"]


def _stream_lengths(backend, transact_items):
    lengths = {}
    for transact_item in transact_items:
        for operation in transact_item.values():
            table = backend.tables.get(operation.get("TableName"))
            if table is not None and table.stream_shard is not None:
                lengths[table.name] = (table.stream_shard, len(table.stream_shard.items))
    return lengths


def _transact_touching_only_its_items(original):
    def transact_write_items(self, transact_items):
        streams = _stream_lengths(self, transact_items)
        backups = []
        for transact_item in transact_items:
            for operation_type, operation in transact_item.items():
                try:
                    key = _item_key(self, operation_type, operation)
                    current = self.get_item(operation["TableName"], key)
                except Exception:  # moto reports these itself, as the transaction's errors
                    continue
                before = copy.deepcopy(current.to_json()["Attributes"]) if current else None
                backups.append((operation["TableName"], key, before))
        try:
            return original(self, transact_items)
        except Exception:
            for table_name, key, before in reversed(backups):
                if before is None:
                    if self.get_item(table_name, key):
                        self.delete_item(table_name, key)
                else:
                    self.put_item(table_name, before)
            for shard, length in streams.values():
                del shard.items[length:]
            raise

    return transact_write_items


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()
    os.environ.setdefault("MOTO_PORT", str(args.port))
    dynamodb_models.copy = _TablesAreNotCopied()
    backend = dynamodb_models.DynamoDBBackend
    backend.transact_write_items = _transact_touching_only_its_items(backend.transact_write_items)
    dynamodb_models.Table.query = _query_reading_only_its_partition(dynamodb_models.Table.query)
    SecondaryIndex.project = _projecting_by_name(SecondaryIndex.project)
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(args.host, args.port, Serialized(app), threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
