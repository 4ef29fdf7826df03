/** Messages of the tickets area: refused status changes and reasons a ticket needs review. */
export const en = {
  'tickets.transition.notAllowed': 'A ticket cannot go from “{from}” to “{to}”.',
  'tickets.transition.needsResolution': 'Write the Resolution before marking the ticket Resolved.',
  'tickets.transition.needsCancelReason': 'Give a reason to cancel the ticket.',
  'tickets.transition.callbackPending':
    'The callback is not done yet (state: {state}); the ticket can be closed after the callback.',
  'tickets.transition.needsAssignee': 'Assign the ticket to someone before work starts.',
  'tickets.review.missing': '{field} is missing.',
  'tickets.review.invalidPhone': 'Phone “{value}” is not a valid mobile or landline number.',
  'tickets.review.invalidEmail': 'Email “{value}” is not a valid address.',
  'tickets.review.noContact': 'No phone or email: the customer cannot be called back.',
  'tickets.review.unknownValue': '{field} “{value}” is not in the list.',
  'tickets.review.truncated': '{field} was {length} characters long and was cut to {max}.',
  'tickets.review.receivedInFuture': 'Received at {value} is in the future; the submit time was used.',
  'tickets.review.receivedUnparsable': 'Received at “{value}” is not a date; the submit time was used.',
  'tickets.review.unknownCategory': 'Category “{value}” is not in ⚙ Categories; route it by hand.',
  'tickets.review.noStaff': 'Nobody in {department} can take the ticket now (on leave or at their cap).',
  'tickets.review.repeat': 'Repeat complaint: same customer and category as {id} within {days} days.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'tickets.transition.notAllowed': '工单不能从“{from}”改为“{to}”。',
  'tickets.transition.needsResolution': '请先填写处理结果，再标记为已解决。',
  'tickets.transition.needsCancelReason': '撤销工单须填写原因。',
  'tickets.transition.callbackPending': '尚未完成回访（当前：{state}），回访后方可关闭工单。',
  'tickets.transition.needsAssignee': '请先指定处理人，再开始处理。',
  'tickets.review.missing': '缺少{field}。',
  'tickets.review.invalidPhone': '电话“{value}”不是有效的手机或座机号码。',
  'tickets.review.invalidEmail': '邮箱“{value}”格式不正确。',
  'tickets.review.noContact': '没有电话或邮箱，无法回访客户。',
  'tickets.review.unknownValue': '{field}“{value}”不在选项中。',
  'tickets.review.truncated': '{field}共 {length} 字，已截取前 {max} 字。',
  'tickets.review.receivedInFuture': '受理时间 {value} 晚于当前时间，已改用提交时间。',
  'tickets.review.receivedUnparsable': '受理时间“{value}”无法识别，已改用提交时间。',
  'tickets.review.unknownCategory': '类别“{value}”不在⚙ 分类中，请人工分派。',
  'tickets.review.noStaff': '{department}暂无可接单人员（休假或已达上限）。',
  'tickets.review.repeat': '重复投诉：与 {id} 为同一客户、同一类别，间隔在 {days} 天内。',
};
