/** Element templates as GET /admin/connectors/templates serves them (a few, descriptions shortened). */
export const TEMPLATES = [
  {
    "$schema": "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json",
    "name": "HTTP request",
    "id": "io.flowgate.connector.http.request",
    "version": 1,
    "description": "Calls an allow-listed HTTP(S) endpoint and returns its status, headers and body;",
    "appliesTo": [
      "bpmn:ServiceTask"
    ],
    "groups": [
      {
        "id": "inputs",
        "label": "Connector inputs"
      },
      {
        "id": "outputs",
        "label": "Connector outputs"
      }
    ],
    "properties": [],
    "scopes": [
      {
        "type": "camunda:Connector",
        "properties": [
          {
            "type": "Hidden",
            "value": "http.request",
            "binding": {
              "type": "property",
              "name": "connectorId"
            }
          },
          {
            "label": "method",
            "description": "GET (default), POST, PUT, PATCH, DELETE,",
            "group": "inputs",
            "type": "String",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "method"
            }
          },
          {
            "label": "url",
            "description": "Absolute http(s) URL; the host must be i",
            "group": "inputs",
            "type": "String",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "url"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "headers",
            "description": "Request headers, name → value. Optional,",
            "group": "inputs",
            "type": "Text",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "headers"
            }
          },
          {
            "label": "body",
            "description": "JSON value sent as JSON; text is sent as",
            "group": "inputs",
            "type": "Text",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "body"
            }
          },
          {
            "label": "timeout",
            "description": "Whole call, e.g. 5s or 500ms; default fl",
            "group": "inputs",
            "type": "String",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "timeout"
            }
          },
          {
            "label": "status → variable",
            "description": "HTTP status code of the answer. Type int",
            "group": "outputs",
            "type": "String",
            "value": "status",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${status}"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "headers → variable",
            "description": "Answer headers, lower-case name → value ",
            "group": "outputs",
            "type": "String",
            "value": "headers",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${headers}"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "body → variable",
            "description": "Parsed JSON when the answer is JSON, els",
            "group": "outputs",
            "type": "String",
            "value": "body",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${body}"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "ok → variable",
            "description": "True for a 2xx status. Type boolean. Wri",
            "group": "outputs",
            "type": "String",
            "value": "ok",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${ok}"
            },
            "constraints": {
              "notEmpty": true
            }
          }
        ]
      }
    ]
  },
  {
    "$schema": "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json",
    "name": "Reserve stock",
    "id": "io.flowgate.connector.inventory.reserve",
    "version": 1,
    "description": "Holds stock in a store for all items or none; the hold is released automatically",
    "appliesTo": [
      "bpmn:ServiceTask"
    ],
    "groups": [
      {
        "id": "inputs",
        "label": "Connector inputs"
      },
      {
        "id": "outputs",
        "label": "Connector outputs"
      }
    ],
    "properties": [],
    "scopes": [
      {
        "type": "camunda:Connector",
        "properties": [
          {
            "type": "Hidden",
            "value": "inventory.reserve",
            "binding": {
              "type": "property",
              "name": "connectorId"
            }
          },
          {
            "label": "store",
            "description": "Store id, e.g. downtown. Required, strin",
            "group": "inputs",
            "type": "String",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "store"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "items",
            "description": "Items to hold: a list of {sku, qty} with",
            "group": "inputs",
            "type": "Text",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "items"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "ttl",
            "description": "How long to hold: seconds or an ISO-8601",
            "group": "inputs",
            "type": "String",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "ttl"
            }
          },
          {
            "label": "reservationId → variable",
            "description": "Id of the reservation. Type string. Writ",
            "group": "outputs",
            "type": "String",
            "value": "reservationId",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${reservationId}"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "expiresAt → variable",
            "description": "When the hold is released unless confirm",
            "group": "outputs",
            "type": "String",
            "value": "expiresAt",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${expiresAt}"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "status → variable",
            "description": "HELD, or the status a repeated call find",
            "group": "outputs",
            "type": "String",
            "value": "status",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${status}"
            },
            "constraints": {
              "notEmpty": true
            }
          }
        ]
      }
    ]
  },
  {
    "$schema": "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json",
    "name": "Notify",
    "id": "io.flowgate.connector.notify",
    "version": 1,
    "description": "Records a notification on a channel for the console and the events feed. Connect",
    "appliesTo": [
      "bpmn:ServiceTask"
    ],
    "groups": [
      {
        "id": "inputs",
        "label": "Connector inputs"
      },
      {
        "id": "outputs",
        "label": "Connector outputs"
      }
    ],
    "properties": [],
    "scopes": [
      {
        "type": "camunda:Connector",
        "properties": [
          {
            "type": "Hidden",
            "value": "notify",
            "binding": {
              "type": "property",
              "name": "connectorId"
            }
          },
          {
            "label": "channel",
            "description": "Channel name: lower-case letters, digits",
            "group": "inputs",
            "type": "String",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "channel"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "subject",
            "description": "Short subject line, up to 500 characters",
            "group": "inputs",
            "type": "String",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "subject"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "message",
            "description": "Message text, up to 4000 characters. Opt",
            "group": "inputs",
            "type": "String",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "message"
            }
          },
          {
            "label": "data",
            "description": "Structured details kept as JSON. Optiona",
            "group": "inputs",
            "type": "Text",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "data"
            }
          },
          {
            "label": "notificationId → variable",
            "description": "Id of the notification record. Type stri",
            "group": "outputs",
            "type": "String",
            "value": "notificationId",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${notificationId}"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "createdAt → variable",
            "description": "When it was recorded (ISO-8601). Type st",
            "group": "outputs",
            "type": "String",
            "value": "createdAt",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${createdAt}"
            },
            "constraints": {
              "notEmpty": true
            }
          }
        ]
      }
    ]
  },
  {
    "$schema": "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json",
    "name": "Get order",
    "id": "io.flowgate.connector.order.get",
    "version": 1,
    "description": "Reads an order with its lines. Connector 'order.get'. Business errors (BPMN erro",
    "appliesTo": [
      "bpmn:ServiceTask"
    ],
    "groups": [
      {
        "id": "inputs",
        "label": "Connector inputs"
      },
      {
        "id": "outputs",
        "label": "Connector outputs"
      }
    ],
    "properties": [],
    "scopes": [
      {
        "type": "camunda:Connector",
        "properties": [
          {
            "type": "Hidden",
            "value": "order.get",
            "binding": {
              "type": "property",
              "name": "connectorId"
            }
          },
          {
            "label": "orderId",
            "description": "Id of the order. Required, string.",
            "group": "inputs",
            "type": "String",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "orderId"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "customer",
            "description": "When set, only this customer's order is ",
            "group": "inputs",
            "type": "String",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "customer"
            }
          },
          {
            "label": "order → variable",
            "description": "The order: {orderId, store, customer, st",
            "group": "outputs",
            "type": "String",
            "value": "order",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${order}"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "state → variable",
            "description": "The order's current state. Type string. ",
            "group": "outputs",
            "type": "String",
            "value": "state",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${state}"
            },
            "constraints": {
              "notEmpty": true
            }
          }
        ]
      }
    ]
  },
  {
    "$schema": "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json",
    "name": "Change order state",
    "id": "io.flowgate.connector.order.transition",
    "version": 1,
    "description": "Moves an order to a new state (CREATED, PAYING, PAID, PREPARING, READY, COMPLETE",
    "appliesTo": [
      "bpmn:ServiceTask"
    ],
    "groups": [
      {
        "id": "inputs",
        "label": "Connector inputs"
      },
      {
        "id": "outputs",
        "label": "Connector outputs"
      }
    ],
    "properties": [],
    "scopes": [
      {
        "type": "camunda:Connector",
        "properties": [
          {
            "type": "Hidden",
            "value": "order.transition",
            "binding": {
              "type": "property",
              "name": "connectorId"
            }
          },
          {
            "label": "orderId",
            "description": "Id of the order. Required, string.",
            "group": "inputs",
            "type": "String",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "orderId"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "to",
            "description": "Target state, one of [CREATED, PAYING, P",
            "group": "inputs",
            "type": "String",
            "binding": {
              "type": "camunda:inputParameter",
              "name": "to"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "state → variable",
            "description": "The order's state after the call. Type s",
            "group": "outputs",
            "type": "String",
            "value": "state",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${state}"
            },
            "constraints": {
              "notEmpty": true
            }
          },
          {
            "label": "version → variable",
            "description": "The order's version after the call (bump",
            "group": "outputs",
            "type": "String",
            "value": "version",
            "binding": {
              "type": "camunda:outputParameter",
              "source": "${version}"
            },
            "constraints": {
              "notEmpty": true
            }
          }
        ]
      }
    ]
  },
  {
    "$schema": "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json",
    "name": "Set variables",
    "id": "io.flowgate.connector.vars.set",
    "version": 1,
    "description": "Sets process variables from its inputs (each input becomes a variable of the sam",
    "appliesTo": [
      "bpmn:ServiceTask"
    ],
    "entriesVisible": true,
    "properties": [],
    "scopes": [
      {
        "type": "camunda:Connector",
        "properties": [
          {
            "type": "Hidden",
            "value": "vars.set",
            "binding": {
              "type": "property",
              "name": "connectorId"
            }
          }
        ]
      }
    ]
  }
];
