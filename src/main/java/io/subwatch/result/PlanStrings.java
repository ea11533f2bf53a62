package io.subwatch.result;

import io.subwatch.subscription.StepPlan;
import tools.jackson.core.io.SerializedString;

/**
 * A plan's strings as {@link ResultJsonWriter} writes them, encoded once per answer rather than for every row (many
 * records share one plan).
 *
 * @param hostPrefixes a step's node name and a space, which its target host's node name starts with
 */
record PlanStrings(SerializedString[] stepIds, SerializedString[] types, SerializedString[] actions,
		SerializedString[] nodeNames, char[][] hostPrefixes, SerializedString[][] subNames) {

	static PlanStrings of(StepPlan plan) {
		int n = plan.steps().size();
		SerializedString[] ids = new SerializedString[n];
		SerializedString[] types = new SerializedString[n];
		SerializedString[] actions = new SerializedString[n];
		SerializedString[] names = new SerializedString[n];
		char[][] hostPrefixes = new char[n][];
		SerializedString[][] subs = new SerializedString[n][];
		for (int s = 0; s < n; s++) {
			StepPlan.Step step = plan.steps().get(s);
			ids[s] = new SerializedString(step.id());
			types[s] = new SerializedString(step.type());
			actions[s] = new SerializedString(step.action());
			names[s] = new SerializedString(step.nodeName());
			hostPrefixes[s] = (step.nodeName() + " ").toCharArray();
			subs[s] = step.subSteps().stream().map((sub) -> new SerializedString(sub.nodeName()))
				.toArray(SerializedString[]::new);
		}
		return new PlanStrings(ids, types, actions, names, hostPrefixes, subs);
	}

}
