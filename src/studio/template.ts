/** The smallest scenario worth starting from: two sides, one point, one start. */
export const TEMPLATE = `# yaml-language-server: $schema=./scenario.schema.json
# A new scenario. See docs/authoring.md for a step-by-step guide.
format: 1
id: my-scenario
title: My scenario
version: 0.1.0
disclaimer: A simplified teaching model, not a forecast.
briefing: |
  Who you are, what is at stake, and what a deal needs.
calendar:
  start: 2030-01-01
  deadline: 2030-01-15
venues:
  - { id: capital, name: Capital, lat: 48.9, lon: 2.3 }
  - { id: port, name: Port City, lat: 43.3, lon: 5.4 }
travel:
  - { from: capital, to: port, days: 1 }
points:
  - id: water
    title: Water share
    options:
      - { id: low, label: A third }
      - { id: half, label: Half }
      - { id: high, label: Two thirds }
    omittable: false
parties:
  - id: broker
    name: The mediators
    leader: Chair
    role: mediator
    home: capital
    envoys:
      - { id: envoy, name: First envoy }
    weights: { water: 100 }
    values:
      water: { low: 50, half: 100, high: 50 }
    reservation: 30
    opening: 60
  - id: north
    name: North
    leader: Premier of North
    role: signatory
    home: capital
    weights: { water: 100 }
    values:
      water: { low: 100, half: 60, high: 0 }
    reservation: 50
    opening: 90
  - id: south
    name: South
    leader: President of South
    role: signatory
    home: port
    weights: { water: 100 }
    values:
      water: { low: 0, half: 60, high: 100 }
    reservation: 50
    opening: 90
starts:
  - id: draft
    title: First draft
    text: { water: low }
ratification:
  signatories: [broker, north, south]
`;
