/** The worklist "Tugas saya": what waits for the signed-in user, most pressing first. */
import { worklistOf } from '../commands/worklist.js';
import { defineRoute } from '../route.js';
import { Worklist } from '../responses.js';
import { todayOf } from './agencies.js';

export const get = defineRoute({
  id: 'worklist.get',
  method: 'get',
  path: '/api/worklist',
  tag: 'worklist',
  summary: "What waits for the signed-in user: realizations due and overdue, to verify, to approve or returned; recommendations due and overdue; the region's agencies behind schedule",
  description:
    "Scope by role: an operator's unit's indicators (the planner's where no unit is responsible); the planner verifies and follows returned entries and the agency's recommendations; the head approves; the evaluator sees the region's open recommendations (undated ones too); the admin the region's agencies with overdue entries. Due dates come from the reporting calendar (`settings.calendar`, dataset-format.md). Each item says what and why in English and Indonesian and where the work is done (`target`).",
  auth: 'user',
  response: Worklist,
  async handler({ deps, user }) {
    return worklistOf(deps, user, todayOf(deps));
  },
});
