# Build targets for `sam build` (template.yaml: Metadata BuildMethod: makefile,
# ContextPath: .). SAM runs `make --makefile <this file> build-<LogicalId>`
# from a scratch copy of the function's CodeUri with ARTIFACTS_DIR set, so all
# paths are anchored at this file's directory rather than the working directory.

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
MVN ?= mvn
MVN_FLAGS ?= -B -q -DskipTests
# Maven's output for `sam build`, one directory per module (the root pom.xml's
# sam-build profile, switched on by -Dsam.buildRoot). It lies outside every
# CodeUri (functions/<module>), so a build leaves the CodeUri, whose content
# hash keys `sam build --cached`, unchanged. (SAM CLI does not yet reuse its
# cache for BuildMethod: makefile at all, aws/aws-sam-cli#2989; and the hash
# covers CodeUri only, not shared/ or pom.xml.) .aws-sam/ is git-ignored;
# `mvn verify` and ./dev keep writing each module's target/.
SAM_MAVEN_DIR ?= $(ROOT)/.aws-sam/maven
# Every target rebuilds `shared`; serialise Maven runs so `sam build --parallel`
# cannot interleave two builds in the same output directories (flock is
# util-linux; without it, builds are only safe when run one at a time).
LOCK := $(if $(shell command -v flock 2>/dev/null),flock $(or $(TMPDIR),/tmp)/connect-tasks-sam-build.lock)

# $(call lambda-jar,<module>): build functions/<module> and the modules it
# depends on (-am), then put its shaded jar (<module>-<version>-lambda.jar)
# where Lambda's Java runtime looks for jars (lib/ in the deployment package).
# A jar left from another version is removed first, so exactly one is shipped.
define lambda-jar
	rm -f $(SAM_MAVEN_DIR)/$(1)/$(1)-*-lambda.jar
	$(LOCK) $(MVN) $(MVN_FLAGS) -f $(ROOT)/pom.xml -Dsam.buildRoot=$(SAM_MAVEN_DIR) -pl functions/$(1) -am package
	mkdir -p $(ARTIFACTS_DIR)/lib
	cp $(SAM_MAVEN_DIR)/$(1)/$(1)-*-lambda.jar $(ARTIFACTS_DIR)/lib/
endef

.PHONY: build-StartTaskContactFunction build-DescribeContactFunction \
	build-UpdateContactFunction build-UpdateContactScheduleFunction \
	build-ListContactReferencesFunction build-FlowRunnerFunction \
	build-CreateInstanceFunction build-DescribeInstanceFunction \
	build-CreateContactFlowFunction build-DescribeContactFlowFunction \
	build-ReconcilerFunction build-ContactEventsFunction \
	build-TagContactFunction build-UntagContactFunction build-StopContactFunction \
	build-TransferContactFunction build-UpdateContactAttributesFunction build-GetContactAttributesFunction \
	build-SearchContactsFunction \
	build-CreateQueueFunction build-DescribeQueueFunction build-ListQueuesFunction \
	build-ListContactFlowsFunction build-ListInstancesFunction \
	build-CreateTaskTemplateFunction build-GetTaskTemplateFunction build-UpdateTaskTemplateFunction \
	build-ListTaskTemplatesFunction build-DeleteTaskTemplateFunction

build-StartTaskContactFunction:
	$(call lambda-jar,start-task-contact)
build-DescribeContactFunction:
	$(call lambda-jar,describe-contact)
build-UpdateContactFunction:
	$(call lambda-jar,update-contact)
build-UpdateContactScheduleFunction:
	$(call lambda-jar,update-contact-schedule)
build-ListContactReferencesFunction:
	$(call lambda-jar,list-contact-references)
build-FlowRunnerFunction:
	$(call lambda-jar,flow-runner)
build-CreateInstanceFunction:
	$(call lambda-jar,create-instance)
build-DescribeInstanceFunction:
	$(call lambda-jar,describe-instance)
build-CreateContactFlowFunction:
	$(call lambda-jar,create-contact-flow)
build-DescribeContactFlowFunction:
	$(call lambda-jar,describe-contact-flow)
build-ReconcilerFunction:
	$(call lambda-jar,reconciler)
build-ContactEventsFunction:
	$(call lambda-jar,contact-events)
build-TagContactFunction:
	$(call lambda-jar,tag-contact)
build-UntagContactFunction:
	$(call lambda-jar,untag-contact)
build-StopContactFunction:
	$(call lambda-jar,stop-contact)
build-TransferContactFunction:
	$(call lambda-jar,transfer-contact)
build-UpdateContactAttributesFunction:
	$(call lambda-jar,update-contact-attributes)
build-GetContactAttributesFunction:
	$(call lambda-jar,get-contact-attributes)
build-SearchContactsFunction:
	$(call lambda-jar,search-contacts)
build-CreateQueueFunction:
	$(call lambda-jar,create-queue)
build-DescribeQueueFunction:
	$(call lambda-jar,describe-queue)
build-ListQueuesFunction:
	$(call lambda-jar,list-queues)
build-ListContactFlowsFunction:
	$(call lambda-jar,list-contact-flows)
build-ListInstancesFunction:
	$(call lambda-jar,list-instances)
build-CreateTaskTemplateFunction:
	$(call lambda-jar,create-task-template)
build-GetTaskTemplateFunction:
	$(call lambda-jar,get-task-template)
build-UpdateTaskTemplateFunction:
	$(call lambda-jar,update-task-template)
build-ListTaskTemplatesFunction:
	$(call lambda-jar,list-task-templates)
build-DeleteTaskTemplateFunction:
	$(call lambda-jar,delete-task-template)
